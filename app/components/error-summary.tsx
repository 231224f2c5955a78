// The NHS error summary: lists a form's problems at the top and moves focus there so screen readers hear them.
import { useEffect, useRef } from "react";

export function ErrorSummary({
  errors,
  title = "There is a problem",
}: {
  errors: Array<{ href: string; text: string }>;
  title?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const key = errors.map((e) => e.text).join("|");
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (errors.length === 0) return null;
  return (
    <div className="nhsuk-error-summary" aria-labelledby="error-summary-title" role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id="error-summary-title">
        {title}
      </h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          {errors.map((error) => (
            <li key={error.href + error.text}>
              <a href={error.href}>{error.text}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
