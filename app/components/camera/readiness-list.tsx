// The pre-call check's verdict: one plain-words line per item (framing, distance, eye line, lighting, microphone) and the summary.
import type { Readiness, ReadinessStatus } from "~/core/feedback";

const STATUS_WORD: Record<ReadinessStatus, string> = { ok: "Good", fix: "Fix this", checking: "Checking" };
const STATUS_ICON: Record<ReadinessStatus, string> = { ok: "✓", fix: "!", checking: "…" };

export function ReadinessList({ readiness }: { readiness: Readiness }) {
  return (
    <div className="ws-readiness">
      <ul className="ws-readiness__lines" aria-label="Camera and microphone check">
        {readiness.lines.map((line) => (
          <li
            key={line.item}
            className={`ws-readiness__line ws-readiness__line--${line.status}`}
            data-item={line.item}
            data-status={line.status}
          >
            <span className="ws-readiness__icon" aria-hidden="true">
              {STATUS_ICON[line.status]}
            </span>
            <span className="ws-readiness__label">
              {line.label}
              <span className="ws-readiness__status"> · {STATUS_WORD[line.status]}</span>
            </span>
            <span className="ws-readiness__text">{line.text}</span>
          </li>
        ))}
      </ul>
      {/* Polite: the verdict changes as the person moves; screen readers hear it once it settles. */}
      <p
        className={`ws-readiness__summary${readiness.ready ? " ws-readiness__summary--ready" : ""}`}
        role="status"
        aria-live="polite"
        data-testid="readiness-summary"
      >
        {readiness.summary}
      </p>
    </div>
  );
}
