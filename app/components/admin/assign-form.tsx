// The form that assigns scenarios to teams and people with a due date and an assessment-mode flag.
import { Form } from "@remix-run/react";

type Errors = Record<string, string[] | undefined>;

function Problem({ messages }: { messages?: string[] }) {
  return messages?.[0] ? (
    <span className="nhsuk-error-message">
      <span className="nhsuk-u-visually-hidden">Error:</span> {messages[0]}
    </span>
  ) : null;
}

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
  const group = (f: string) => `nhsuk-form-group${errors[f] ? " nhsuk-form-group--error" : ""}`;
  return (
    <section className="ws-card" aria-labelledby="assign-heading">
      <h2 id="assign-heading" className="nhsuk-heading-s">
        Assign training
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="assign" />
        <div className={group("scenarioIds")}>
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Scenarios</legend>
            <Problem messages={errors.scenarioIds} />
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
          </fieldset>
        </div>
        <div className={group("teamIds")}>
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Teams</legend>
            <Problem messages={errors.teamIds} />
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
          </fieldset>
        </div>
        <div className={group("emails")}>
          <label className="nhsuk-label" htmlFor="emails">
            People (optional)
          </label>
          <div className="nhsuk-hint" id="emails-hint">
            Email addresses of members, one per line.
          </div>
          <Problem messages={errors.emails} />
          <textarea
            className="nhsuk-textarea"
            id="emails"
            name="emails"
            rows={3}
            aria-describedby="emails-hint"
            spellCheck={false}
          />
        </div>
        <div className={group("dueDate")}>
          <label className="nhsuk-label" htmlFor="dueDate">
            Due date
          </label>
          <Problem messages={errors.dueDate} />
          <input className="nhsuk-input nhsuk-input--width-10" id="dueDate" name="dueDate" type="date" min={today} />
        </div>
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
