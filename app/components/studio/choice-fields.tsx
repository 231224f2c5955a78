// One choice in the node form: what the clinician says, where it leads, conditions, effects, updates and feedback.
import { COMPETENCY_INFO, type Competency } from "~/core/competencies";
import type { Choice } from "~/core/scenario";
import { JsonField, SelectField, SmallButton, TextArea, TextField } from "./fields";

export interface ChoiceFieldsProps {
  prefix: string;
  index: number;
  choice: Choice;
  /** Every node as [id, title], for "Leads to": people pick by title, the id is secondary. */
  nodeTitles: Array<[string, string]>;
  competencies: Competency[];
  errorFor: (field: string) => string | undefined;
  onChange: (change: (choice: Choice) => void, field: string) => void;
  onRemove: () => void;
}

/** How a node appears in a list of targets: its title first, its id after it. */
export function nodeOptionText(id: string, title: string): string {
  return title && title !== id ? `${title} (${id})` : id;
}

export function ChoiceFields({
  prefix,
  index,
  choice,
  nodeTitles,
  competencies,
  errorFor,
  onChange,
  onRemove,
}: ChoiceFieldsProps) {
  const id = (field: string) => `${prefix}-${field}`;
  const targets: Array<[string, string]> = [
    ...(nodeTitles.some(([n]) => n === choice.next)
      ? []
      : [[choice.next, `${choice.next} (missing)`] as [string, string]]),
    ...nodeTitles.map(([n, title]) => [n, nodeOptionText(n, title)] as [string, string]),
  ];
  return (
    <fieldset className="nhsuk-fieldset ws-choice-fields">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Choice {index + 1}</legend>
      <TextArea
        id={id("text")}
        label="What the clinician says or does"
        value={choice.text}
        error={errorFor("text")}
        onChange={(v) => onChange((c) => void (c.text = v), id("text"))}
      />
      <div className="ws-field-row">
        <TextField
          id={id("id")}
          label="Choice id"
          width="10"
          value={choice.id}
          error={errorFor("id")}
          onChange={(v) => onChange((c) => void (c.id = v), id("id"))}
        />
        <SelectField
          id={id("next")}
          label="Leads to"
          value={choice.next}
          options={targets}
          error={errorFor("next")}
          onChange={(v) => onChange((c) => void (c.next = v), id("next"))}
        />
      </div>
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend">Effects on competencies (-3 to 3)</legend>
        <div className="ws-field-row">
          {competencies.map((competency) => (
            <TextField
              key={competency}
              id={id(`effect-${competency}`)}
              label={COMPETENCY_INFO[competency].label}
              type="number"
              width="2"
              value={String(choice.effects?.[competency] ?? 0)}
              onChange={(v) =>
                onChange(
                  (c) => {
                    const value = Math.max(-3, Math.min(3, Math.round(Number(v) || 0)));
                    const effects = { ...(c.effects ?? {}) };
                    if (value === 0) delete effects[competency];
                    else effects[competency] = value;
                    if (Object.keys(effects).length > 0) c.effects = effects;
                    else delete c.effects;
                  },
                  id(`effect-${competency}`),
                )
              }
            />
          ))}
        </div>
      </fieldset>
      <TextArea
        id={id("feedback")}
        label="Feedback shown in the debrief"
        hint="Why this helps or harms, in clinical terms."
        value={choice.feedback}
        error={errorFor("feedback")}
        onChange={(v) => onChange((c) => void (c.feedback = v), id("feedback"))}
      />
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">Conditions and variables (advanced)</span>
        </summary>
        <div className="nhsuk-details__text">
          <JsonField
            id={id("requires")}
            label="Only offered when (condition)"
            hint='e.g. {"var": "trust", "op": "gte", "value": 2}'
            value={choice.requires}
            error={errorFor("requires")}
            onChange={(v) =>
              onChange(
                (c) => (v === undefined ? delete c.requires : (c.requires = v as Choice["requires"])) && undefined,
                id("requires"),
              )
            }
          />
          <JsonField
            id={id("branches")}
            label="Branches (first matching wins)"
            hint='e.g. [{"when": {"visited": "check-in"}, "next": "opens-up"}]'
            value={choice.branches}
            error={errorFor("branches")}
            onChange={(v) =>
              onChange(
                (c) => (v === undefined ? delete c.branches : (c.branches = v as Choice["branches"])) && undefined,
                id("branches"),
              )
            }
          />
          <JsonField
            id={id("set")}
            label="Variable updates"
            hint='e.g. [{"var": "trust", "op": "add", "value": 1}]'
            value={choice.set}
            error={errorFor("set")}
            onChange={(v) =>
              onChange((c) => (v === undefined ? delete c.set : (c.set = v as Choice["set"])) && undefined, id("set"))
            }
          />
        </div>
      </details>
      <SmallButton variant="warning" onClick={onRemove} label={`Remove choice ${index + 1}`}>
        Remove choice
      </SmallButton>
    </fieldset>
  );
}
