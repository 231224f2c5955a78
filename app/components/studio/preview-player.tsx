// Plays a draft with the real engine in the browser: jump to any node, see running scores; nothing is recorded.
import { useMemo, useState } from "react";
import { COMPETENCY_INFO } from "~/core/competencies";
import { applyChoice, scoreRun, startRun, viewOf, type Scenario } from "~/core/scenario";

export function PreviewPlayer({ scenario }: { scenario: Scenario }) {
  const [from, setFrom] = useState(scenario.start);
  // Jumping starts a fresh run at that node (scores count from there), so any branch can be checked quickly.
  const playable = useMemo(() => ({ ...scenario, start: from }), [scenario, from]);
  const [snapshot, setSnapshot] = useState(() => startRun(playable).snapshot);
  const [message, setMessage] = useState<string | null>(null);
  const view = viewOf(playable, snapshot);
  const score = scoreRun(playable, snapshot);
  const names = new Map(scenario.cast.map((c) => [c.id, c.name]));
  const restart = (nodeId: string) => {
    const next = { ...scenario, start: nodeId };
    setFrom(nodeId);
    setSnapshot(startRun(next).snapshot);
    setMessage(null);
  };
  const last = view.transcript.at(-1);
  return (
    <div className="ws-editor__grid">
      <div>
        <form className="ws-card ws-actions" onSubmit={(e) => e.preventDefault()} aria-label="Jump to a node">
          <label className="nhsuk-label" htmlFor="jump">
            Jump to node
          </label>
          <select className="nhsuk-select" id="jump" value={view.nodeId} onChange={(e) => restart(e.target.value)}>
            {Object.entries(scenario.nodes).map(([id, node]) => (
              <option key={id} value={id}>
                {node.title ?? node.ending?.title ?? id} ({id})
              </option>
            ))}
          </select>
          <button
            type="button"
            className="nhsuk-button nhsuk-button--secondary ws-button--small"
            onClick={() => restart(scenario.start)}
          >
            Restart from the beginning
          </button>
        </form>
        <section className="ws-card" aria-labelledby="preview-node" aria-live="polite">
          <h2 className="nhsuk-heading-m" id="preview-node">
            {view.title ?? view.nodeId}
          </h2>
          {last ? (
            <p className="ws-feedback">
              <strong>Feedback on your last choice:</strong> {last.feedback}
            </p>
          ) : null}
          {view.events.map((e, i) => (
            <p key={`e${i}`} className="ws-event">
              {e.text}
            </p>
          ))}
          {view.lines.map((line, i) => (
            <p key={i} className={line.speaker === "narrator" ? "ws-line--narrator" : undefined}>
              {line.speaker === "narrator" ? null : <strong>{names.get(line.speaker) ?? line.speaker}: </strong>}
              {line.text}
            </p>
          ))}
          {view.ending ? (
            <div className="ws-notice">
              <strong>
                Ending ({view.ending.outcome}): {view.ending.title}.
              </strong>{" "}
              {view.ending.summary} {score.passed ? "This attempt would pass." : "This attempt would not pass."}
            </div>
          ) : (
            <ul className="ws-choices__list">
              {view.choices.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    className="ws-choice"
                    onClick={() => {
                      const outcome = applyChoice(playable, snapshot, c.id);
                      if (outcome.ok) setSnapshot(outcome.snapshot);
                      else setMessage(outcome.message);
                    }}
                  >
                    <span className="ws-choice__text">{c.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {message ? (
            <p className="nhsuk-error-message" role="alert">
              {message}
            </p>
          ) : null}
        </section>
      </div>
      <section className="ws-card" aria-labelledby="running-scores">
        <h2 className="nhsuk-heading-s" id="running-scores">
          Running scores
        </h2>
        <dl className="nhsuk-summary-list">
          {scenario.competencies.map((c) => (
            <div className="nhsuk-summary-list__row" key={c}>
              <dt className="nhsuk-summary-list__key">{COMPETENCY_INFO[c].label}</dt>
              <dd className="nhsuk-summary-list__value">
                {score.scores[c] === null || score.scores[c] === undefined ? "not scored yet" : `${score.scores[c]}%`}
              </dd>
            </div>
          ))}
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Overall</dt>
            <dd className="nhsuk-summary-list__value">
              {score.overall}% (pass mark {scenario.passMark}%)
            </dd>
          </div>
        </dl>
        <p className="ws-muted">Choices made: {view.transcript.length}. Nothing in a preview is saved as an attempt.</p>
      </section>
    </div>
  );
}
