// The LRS connection form: endpoint, key and secret (the saved secret is never shown), and removing the connection.
import { Form } from "@remix-run/react";
import { useEffect, useRef, type InputHTMLAttributes } from "react";
import { FormField } from "~/components/form-field";

type Errors = Record<string, string[] | undefined>;

function LrsField({
  id,
  label,
  hint,
  errors,
  input,
}: {
  id: "endpoint" | "username" | "password";
  label: string;
  hint?: string;
  errors: Errors;
  input: InputHTMLAttributes<HTMLInputElement>;
}) {
  return (
    <FormField id={id} label={label} hint={hint} error={errors[id]?.[0]}>
      {(describedBy) => (
        <input className="nhsuk-input" id={id} name={id} autoComplete="off" aria-describedby={describedBy} {...input} />
      )}
    </FormField>
  );
}

/**
 * What happened on save: the connection test's outcome (or the removal), as a status the admin cannot miss. Focus
 * moves here so a screen reader hears it and a phone shows it.
 */
export function LrsSaveResult({ connected, message }: { connected: boolean | null; message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [message]);
  if (connected === false) {
    return (
      <div className="nhsuk-warning-callout" ref={ref} tabIndex={-1} role="alert" data-testid="lrs-result">
        <h2 className="nhsuk-warning-callout__label">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            Saved, but the connection test failed
          </span>
        </h2>
        <p>{message}</p>
        <p>Completed attempts are queued and retried, but none will arrive until this is fixed.</p>
      </div>
    );
  }
  return (
    <div className="ws-notice" ref={ref} tabIndex={-1} role="status" data-testid="lrs-result">
      {connected ? <h2 className="nhsuk-heading-s">Saved and connected</h2> : null}
      <p>
        {message}
        {connected ? " Completed attempts will be sent to this LRS." : ""}
      </p>
    </div>
  );
}

export function LrsForm({
  lrs,
  errors,
}: {
  lrs: { endpoint: string; username: string; hasPassword: boolean } | null;
  errors: Errors;
}) {
  return (
    <section className="ws-card" aria-labelledby="lrs-heading">
      <h2 id="lrs-heading" className="nhsuk-heading-s">
        LRS connection
      </h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="save" />
        <LrsField
          id="endpoint"
          label="Endpoint"
          hint="The xAPI endpoint; statements are posted to its /statements."
          errors={errors}
          input={{ type: "url", defaultValue: lrs?.endpoint ?? "", spellCheck: false }}
        />
        <LrsField
          id="username"
          label="Key or username"
          errors={errors}
          input={{ defaultValue: lrs?.username ?? "", spellCheck: false }}
        />
        <LrsField
          id="password"
          label="Secret or password"
          hint={lrs?.hasPassword ? "A secret is saved. Leave this empty to keep it." : undefined}
          errors={errors}
          input={{ type: "password" }}
        />
        <button type="submit" className="nhsuk-button">
          Save
        </button>
      </Form>
      {lrs ? (
        <Form method="post">
          <input type="hidden" name="intent" value="clear" />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Remove the LRS
          </button>
        </Form>
      ) : null}
    </section>
  );
}
