// The overview's start form: resume the attempt in progress or start (over) explicitly, confidence and mode.
import { Form } from "@remix-run/react";
import { ConfidenceField } from "~/components/confidence-field";
import { ErrorSummary } from "~/components/error-summary";
import { FormField } from "~/components/form-field";
import { SpokenModeField } from "~/components/practice/spoken-mode-field";

export function StartCard({
  inProgressId,
  assessmentOnly,
  errors,
  sayItFirst,
}: {
  inProgressId: string | null;
  /** An assessment assignment: only assessment mode counts, so no choice is offered. */
  assessmentOnly: boolean;
  errors: Record<string, string[] | undefined>;
  /** The person's say-it-first choice from their latest attempt. */
  sayItFirst: boolean;
}) {
  const summary = Object.entries(errors).flatMap(([field, messages]) =>
    (messages ?? []).map((text) => ({ href: `#${field}-1`, text })),
  );
  return (
    <section className="ws-card ws-start" aria-labelledby="start">
      <h2 id="start" className="nhsuk-heading-m">
        {inProgressId ? "Carry on or start over" : "Start"}
      </h2>
      {inProgressId ? (
        <>
          <p>You have an attempt at this scenario in progress.</p>
          <p>
            <a className="nhsuk-button ws-start__resume" href={`/attempts/${inProgressId}`}>
              Resume where you left off
            </a>
          </p>
          <p className="ws-muted">
            Or start over: your attempt in progress will be marked as left early and you cannot go back to it.
          </p>
        </>
      ) : null}
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <p className="ws-muted">All questions are required.</p>
        <ConfidenceField
          name="confidence"
          legend="How confident do you feel about this kind of video consultation? (required)"
          error={errors.confidence?.[0]}
        />
        {assessmentOnly ? (
          <input type="hidden" name="mode" value="assessment" />
        ) : (
          <FormField id="mode" label="Mode (required)" error={errors.mode?.[0]} legend>
            <div className="nhsuk-radios nhsuk-radios--small">
              <div className="nhsuk-radios__item">
                <input
                  className="nhsuk-radios__input"
                  id="mode-1"
                  name="mode"
                  type="radio"
                  value="learning"
                  defaultChecked
                />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor="mode-1">
                  Learning: feedback after each choice
                </label>
              </div>
              <div className="nhsuk-radios__item">
                <input className="nhsuk-radios__input" id="mode-2" name="mode" type="radio" value="assessment" />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor="mode-2">
                  Assessment: feedback only in the debrief
                </label>
              </div>
            </div>
          </FormField>
        )}
        <SpokenModeField defaultChecked={sayItFirst} />
        <button
          type="submit"
          className={`nhsuk-button${inProgressId ? " nhsuk-button--secondary" : ""}`}
          name="intent"
          value={inProgressId ? "start-over" : "start"}
        >
          {inProgressId ? "Start over" : "Start the consultation"}
        </button>
      </Form>
    </section>
  );
}
