// Small labelled NHS.UK form controls the studio's forms are built from; errors are shown beside the field.
import type { ReactNode } from "react";

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

function Group({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={`nhsuk-form-group${error ? " nhsuk-form-group--error" : ""}`}>
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
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
      {children}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;

export function TextField(
  props: FieldProps & { value: string; onChange: (value: string) => void; type?: "text" | "number"; width?: string },
) {
  const { id, hint, error, value, onChange, type = "text", width } = props;
  return (
    <Group {...props}>
      <input
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ""}${error ? " nhsuk-input--error" : ""}`}
        id={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Group>
  );
}

export function TextArea(props: FieldProps & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, hint, error, value, onChange, rows = 2 } = props;
  return (
    <Group {...props}>
      <textarea
        className={`nhsuk-textarea${error ? " nhsuk-textarea--error" : ""}`}
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      />
    </Group>
  );
}

export function SelectField(
  props: FieldProps & { value: string; onChange: (value: string) => void; options: Array<[string, string]> },
) {
  const { id, hint, error, value, onChange, options } = props;
  return (
    <Group {...props}>
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
    </Group>
  );
}

/** A JSON field for the advanced parts (conditions, variable updates): applied only once it parses. */
export function JsonField(props: FieldProps & { value: unknown; onChange: (value: unknown) => void }) {
  const { id, label, hint, value, onChange } = props;
  const text = value === undefined ? "" : JSON.stringify(value);
  return (
    <Group id={id} label={label} hint={hint} error={props.error}>
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
    </Group>
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
