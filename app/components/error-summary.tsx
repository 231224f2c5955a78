// The NHS error summary: lists a form's problems at the top and moves focus there so screen readers hear them.
import { useEffect, useRef, type MouseEvent, type ReactNode } from "react";

/** A form's field errors as summary links, each pointing at its field (ids are the field names unless prefixed). */
export function fieldErrorLinks(
  fieldErrors: Record<string, string[] | undefined>,
  idPrefix = "",
): Array<{ href: string; text: string }> {
  return Object.entries(fieldErrors).flatMap(([field, messages]) =>
    (messages ?? []).map((text) => ({ href: `#${idPrefix}${field}`, text })),
  );
}

/**
 * Moves focus to the field itself (and scrolls it into view) rather than following the hash: a hash navigation would
 * let the router drop the form's answer, and with it the errors being read.
 */
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const target = document.getElementById(event.currentTarget.hash.slice(1));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus();
}

export function ErrorSummary({
  errors,
  title = "There is a problem",
  titleId = "error-summary-title",
  children,
}: {
  errors: Array<{ href: string; text: string }>;
  title?: string;
  /** Only needed when a page can show two summaries at once. */
  titleId?: string;
  /** Problems that have no field to link to, shown under the links. */
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0 || Boolean(children);
  const key = shown ? [title, ...errors.map((e) => e.text)].join("|") : "";
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (!shown) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby={titleId} role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id={titleId}>
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        {errors.length > 0 ? (
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((error) => (
              <li key={error.href + error.text}>
                <a href={error.href} onClick={focusField}>
                  {error.text}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {children}
      </div>
    </div>
  );
}

/** The one sentence to show for a refused action: its own message, its form error, or its first field error. */
export function refusalText(refusal: {
  message?: string | null;
  formError?: string | null;
  fieldErrors?: Record<string, string[] | undefined>;
}): string | null {
  return (
    refusal.message ??
    refusal.formError ??
    Object.values(refusal.fieldErrors ?? {})
      .flat()
      .find((text): text is string => Boolean(text)) ??
    null
  );
}
