// The path through the consultation: each decision, what was said, the clinician's choice, its effect and why.
import type { DebriefDecision } from "~/services/debrief.server";

export function DecisionPath({ decisions }: { decisions: DebriefDecision[] }) {
  return (
    <ol className="ws-path">
      {decisions.map((d) => (
        <li key={`${d.nodeId}-${d.index}`}>
          <h3 className="nhsuk-heading-xs">
            {d.index}. {d.nodeTitle ?? "Decision"}
          </h3>
          <p>
            <strong>You:</strong> {d.choice}
          </p>
          {d.effects.length ? (
            <ul className="ws-effects" aria-label="Effect on competencies">
              {d.effects.map((e) => (
                <li
                  key={e.competency}
                  className={`ws-tag ${e.value > 0 ? "ws-tag--green" : e.value < 0 ? "ws-tag--red" : "ws-tag--grey"}`}
                >
                  {e.label} {e.value > 0 ? `+${e.value}` : e.value}
                </li>
              ))}
            </ul>
          ) : null}
          <p className="ws-feedback">{d.feedback}</p>
          {d.alternatives.length ? (
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Other responses you could have chosen</span>
              </summary>
              <div className="nhsuk-details__text">
                <ul>
                  {d.alternatives.map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </div>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
