// The NHS form group, written once: a label (or a fieldset legend), an optional hint, the field's error and the
// control, with the hint and error ids handed to the control so screen readers announce them.
import type { ReactNode } from "react";

export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
}

export function FormField({
  id,
  label,
  hint,
  error,
  legend = false,
  children,
}: {
  /** The control's id (or, for a fieldset, the stem of the hint and error ids). */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** A group of radios or checkboxes: the label becomes the fieldset's legend. */
  legend?: boolean;
  /** The control, or a function given the aria-describedby value to put on it. */
  children: ReactNode | ((describedBy: string | undefined) => ReactNode);
}) {
  const described = describedBy(id, hint, error);
  const control = typeof children === "function" ? children(described) : children;
  const notes = (
    <>
      {hint ? (
        <div className="nhsuk-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="nhsuk-error-message" id={`${id}-error`}>
          <span className="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
    </>
  );
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      {legend ? (
        <fieldset className="nhsuk-fieldset" aria-describedby={described}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{label}</legend>
          {notes}
          {control}
        </fieldset>
      ) : (
        <>
          <label className="nhsuk-label" htmlFor={id}>
            {label}
          </label>
          {notes}
          {control}
        </>
      )}
    </div>
  );
}

/** A password box in its form group (the browser's password manager is told which kind by autoComplete). */
export function PasswordField({
  id,
  label,
  autoComplete,
  error,
  hint,
}: Record<"id" | "label" | "autoComplete", string> & { error?: string; hint?: string }) {
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          className="nhsuk-input nhsuk-u-width-two-thirds"
          id={id}
          name={id}
          type="password"
          autoComplete={autoComplete}
          aria-describedby={describedBy}
        />
      )}
    </FormField>
  );
}
