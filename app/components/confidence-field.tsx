// A 1-5 confidence rating as NHS radios, asked before a scenario and again in the debrief.
import { FormField } from "~/components/form-field";

export const CONFIDENCE_LABELS = [
  "Not at all confident",
  "Slightly confident",
  "Fairly confident",
  "Confident",
  "Very confident",
];

export function ConfidenceField({
  name,
  legend,
  error,
  defaultValue,
}: {
  name: string;
  legend: string;
  error?: string;
  defaultValue?: number | null;
}) {
  // Stacked, with words, where there is room; in one row of numbers on a phone (see .ws-confidence). The scale line
  // is for the eye only: each radio's label already says what its number means.
  return (
    <FormField id={name} label={legend} error={error} legend>
      <div className="nhsuk-hint ws-confidence__scale" aria-hidden="true">
        1 is {CONFIDENCE_LABELS[0]!.toLowerCase()}, 5 is {CONFIDENCE_LABELS[4]!.toLowerCase()}
      </div>
      <div className="nhsuk-radios nhsuk-radios--small ws-confidence">
        {CONFIDENCE_LABELS.map((label, index) => (
          <div className="nhsuk-radios__item" key={label}>
            <input
              className="nhsuk-radios__input"
              id={`${name}-${index + 1}`}
              name={name}
              type="radio"
              value={index + 1}
              defaultChecked={defaultValue === index + 1}
            />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${name}-${index + 1}`}>
              {index + 1} <span className="ws-muted ws-confidence__words">{label}</span>
            </label>
          </div>
        ))}
      </div>
    </FormField>
  );
}
