// The debrief's own forms: the reflection with confidence after, and practising the scenario again.
import { Form } from "@remix-run/react";
import { ConfidenceField } from "~/components/confidence-field";
import { FormField } from "~/components/form-field";

export function ReflectForm({
  attempt,
  saved,
  problem,
  errors,
}: {
  attempt: { reflection: string | null; confidenceBefore: number | null; confidenceAfter: number | null };
  saved: boolean;
  /** Why the last save was refused, if it was. */
  problem: string | null;
  errors: Record<string, string[] | undefined>;
}) {
  return (
    <section className="ws-card" aria-labelledby="reflect-heading">
      <h2 id="reflect-heading" className="nhsuk-heading-s">
        Reflect
      </h2>
      {saved ? (
        <p className="ws-tag ws-tag--green" role="status">
          Saved
        </p>
      ) : problem ? (
        <p className="nhsuk-error-message" role="alert">
          {problem}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="reflect" />
        <FormField
          id="reflection"
          label="What will you do differently in your next video consultation?"
          error={errors.reflection?.[0]}
        >
          {(describedBy) => (
            <textarea
              className="nhsuk-textarea"
              id="reflection"
              name="reflection"
              rows={6}
              maxLength={4000}
              defaultValue={attempt.reflection ?? ""}
              aria-describedby={describedBy}
            />
          )}
        </FormField>
        <ConfidenceField
          name="confidenceAfter"
          legend="How confident do you feel now?"
          defaultValue={attempt.confidenceAfter}
          error={errors.confidenceAfter?.[0]}
        />
        {attempt.confidenceBefore ? (
          <p className="ws-muted">Before you started you said {attempt.confidenceBefore} out of 5.</p>
        ) : null}
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Save reflection
        </button>
      </Form>
    </section>
  );
}

export function PractiseAgain() {
  return (
    <section className="ws-card" aria-labelledby="again-heading">
      <h2 id="again-heading" className="nhsuk-heading-s">
        Practise again
      </h2>
      <Form method="post" className="ws-actions">
        <button type="submit" name="intent" value="retry" className="nhsuk-button">
          Try again
        </button>
        <button type="submit" name="intent" value="explore" className="nhsuk-button nhsuk-button--secondary">
          Try the other path
        </button>
      </Form>
      <p className="ws-muted">
        &quot;Try the other path&quot; marks the choices you made this time, so you can see where the others lead.
      </p>
    </section>
  );
}
