// A 1-5 confidence rating as NHS radios, asked before a scenario and again in the debrief.
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
  // Stacked, not inline: the field sits in narrow side columns and each option has a label.
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {error ? (
          <span className="nhsuk-error-message" id={`${name}-error`}>
            {error}
          </span>
        ) : null}
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
                {index + 1} <span className="ws-muted">{label}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
