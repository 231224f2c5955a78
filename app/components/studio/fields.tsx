// Small labelled NHS.UK form controls the studio's forms are built from; errors are shown beside the field.
import type { ReactNode } from "react";
import { describedBy, FormField } from "~/components/form-field";

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

export function TextField(
  props: FieldProps & { value: string; onChange: (value: string) => void; type?: "text" | "number"; width?: string },
) {
  const { id, hint, error, value, onChange, type = "text", width } = props;
  return (
    <FormField {...props}>
      <input
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ""}${error ? " nhsuk-input--error" : ""}`}
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormField>
  );
}

export function TextArea(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, hint, error, value, onChange, rows = 2 } = props;
  return (
    <FormField {...props}>
      <textarea
        className={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormField>
  );
}

export function SelectField(
  props: FieldProps & { value: string; onChange: (value: string) => void; options: Array<[string, string]> },
) {
  const { id, hint, error, value, onChange, options } = props;
  return (
    <FormField {...props}>
      <select
        className="nhsuk-select"
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </FormField>
  );
}

/** A JSON field for the advanced parts (conditions, variable updates): applied only once it parses. */
export function JsonField(props: FieldProps & { value: unknown; onChange: (value: unknown) => void }) {
  const { id, label, hint, value, onChange } = props;
  const text = value === undefined ? "" : JSON.stringify(value);
  return (
    <FormField id={id} label={label} hint={hint} error={props.error}>
      <textarea
        className="nhsuk-textarea ws-code"
        id={id}
        rows={2}
        defaultValue={text}
        key={text}
        onBlur={(e) => {
          const raw = e.target.value.trim();
          if (!raw) return onChange(undefined);
          try {
            onChange(JSON.parse(raw));
          } catch {
            e.target.setCustomValidity("Not valid JSON");
            e.target.reportValidity();
          }
        }}
        onInput={(e) => (e.target as HTMLTextAreaElement).setCustomValidity("")}
        aria-describedby={describedBy(id, hint)}
      />
    </FormField>
  );
}

export function SmallButton({
  children,
  onClick,
  label,
  variant = "secondary",
}: {
  children: ReactNode;
  onClick: () => void;
  label?: string;
  variant?: "secondary" | "warning";
}) {
  return (
    <button
      type="button"
      className={`nhsuk-button nhsuk-button--${variant} ws-button--small`}
      onClick={onClick}
      aria-label={label}
    >
      {children}
    </button>
  );
}
