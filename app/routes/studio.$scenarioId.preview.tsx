// Preview a draft with the real engine in the browser: jump to any node, see running scores; nothing is recorded.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useMemo, useState } from "react";
import { COMPETENCY_INFO } from "~/core/competencies";
import { applyChoice, scoreRun, startRun, validateScenario, viewOf, type Scenario } from "~/core/scenario";
import studioStyles from "~/styles/studio.scss?url";
import { requireAuthor, requireStudioScenario } from "~/utils/studio.server";

export const meta: MetaFunction = () => [{ title: "Preview | Authoring studio | Webside" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: studioStyles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  const record = await requireStudioScenario(request, context, viewer, params.scenarioId);
  const report = validateScenario(record.draft);
  const errors = report.problems.filter((p) => p.severity === "error");
  return {
    id: record.id,
    scenario: report.ok ? (report.scenario ?? null) : null,
    errors: errors.map((p) => p.message),
  };
}

function Player({ scenario }: { scenario: Scenario }) {
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

export default function Preview() {
  const { id, scenario, errors } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="ws-muted">
        <a href={`/studio/${id}`}>Back to the editor</a>
      </p>
      <h1>Preview{scenario ? `: ${scenario.title}` : ""}</h1>
      <p>This plays the saved draft with the same engine learners use.</p>
      {scenario ? (
        <Player scenario={scenario as Scenario} />
      ) : (
        <div className="nhsuk-error-summary" role="alert">
          <h2 className="nhsuk-error-summary__title">The saved draft has errors, so it cannot be played yet</h2>
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
