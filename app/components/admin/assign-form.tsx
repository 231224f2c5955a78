// The form that assigns scenarios to teams and people with a due date and an assessment-mode flag.
import { Form } from "@remix-run/react";
import { FormField } from "~/components/form-field";

type Errors = Record<string, string[] | undefined>;

export function AssignForm({
  scenarios,
  teams,
  today,
  errors,
}: {
  scenarios: Array<{ id: string; title: string; version: number; minutes: number }>;
  teams: Array<{ id: string; name: string }>;
  today: string;
  errors: Errors;
}) {
  return (
    <section className="ws-card" aria-labelledby="assign-heading">
      <h2 id="assign-heading" className="nhsuk-heading-s">
        Assign training
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="assign" />
        <FormField id="assign-scenarios" label="Scenarios" error={errors.scenarioIds?.[0]} legend>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {scenarios.map((s) => (
              <div className="nhsuk-checkboxes__item" key={s.id}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`scenario-${s.id}`}
                  name="scenarioIds"
                  type="checkbox"
                  value={s.id}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`scenario-${s.id}`}>
                  {s.title}{" "}
                  <span className="ws-muted">
                    (v{s.version}, {s.minutes} min)
                  </span>
                </label>
              </div>
            ))}
          </div>
        </FormField>
        <FormField id="assign-teams" label="Teams" error={errors.teamIds?.[0]} legend>
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            {teams.map((t) => (
              <div className="nhsuk-checkboxes__item" key={t.id}>
                <input
                  className="nhsuk-checkboxes__input"
                  id={`assign-team-${t.id}`}
                  name="teamIds"
                  type="checkbox"
                  value={t.id}
                />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`assign-team-${t.id}`}>
                  {t.name}
                </label>
              </div>
            ))}
          </div>
        </FormField>
        <FormField
          id="emails"
          label="People (optional)"
          hint="Email addresses of members, one per line."
          error={errors.emails?.[0]}
        >
          {(describedBy) => (
            <textarea
              className="nhsuk-textarea"
              id="emails"
              name="emails"
              rows={3}
              aria-describedby={describedBy}
              spellCheck={false}
            />
          )}
        </FormField>
        <FormField id="dueDate" label="Due date" error={errors.dueDate?.[0]}>
          {(describedBy) => (
            <input
              className="nhsuk-input nhsuk-input--width-10"
              id="dueDate"
              name="dueDate"
              type="date"
              min={today}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
            <div className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id="assessment" name="assessment" type="checkbox" />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="assessment">
                Assessment: only attempts in assessment mode count
              </label>
            </div>
          </div>
        </div>
        <button type="submit" className="nhsuk-button">
          Assign
        </button>
      </Form>
    </section>
  );
}
