// The live session page's panels: the lobby (who is in, roles, parts, Start), the actor's script card with the
// "closest response" buttons, the learner's stage events, and the observer's view of the node with rating anchors.
import { Form } from "@remix-run/react";
import { LIVE_ROLE_LABELS, type LiveRole } from "~/core/live";
import type { LiveScript } from "~/services/live/view.server";
import { CharacterBriefs, ScriptLines, useSpeakingAs, type Character } from "./actor-parts";

type Participant = { id: string; name: string; role: LiveRole; plays: string[]; state: string; check: string };

/** In the lobby each person's camera check verdict is shown too, so the clinician starts once everyone is ready. */
export function WhoIsIn({ participants, showChecks }: { participants: Participant[]; showChecks: boolean }) {
  return (
    <section aria-labelledby="who-title">
      <h2 id="who-title" className="nhsuk-heading-s">
        Who is in
      </h2>
      <ul className="nhsuk-list" data-testid="participants">
        {participants.map((p) => (
          <li key={p.id}>
            <strong>{p.name}</strong>: {LIVE_ROLE_LABELS[p.role]}
            {p.plays.length > 0 ? ` playing ${p.plays.join(", ")}` : ""} <span className="ws-muted">({p.state})</span>
            {showChecks && p.state !== "left" ? (
              <>
                <br />
                <span className="ws-muted" data-testid="participant-check">
                  {p.check[0]!.toUpperCase() + p.check.slice(1)}
                </span>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Lobby({
  code,
  canStart,
  isLearner,
}: {
  code: string;
  canStart: { ok: true } | { ok: false; message: string } | null;
  isLearner: boolean;
}) {
  return (
    <section aria-labelledby="lobby-title">
      <h2 id="lobby-title">Waiting to start</h2>
      <p>
        Join code: <strong data-testid="join-code">{code}</strong>. Colleagues in your organisation can join at{" "}
        <a href={`/live/join/${code.replace("-", "")}`}>/live/join/{code.replace("-", "")}</a>.
      </p>
      {isLearner ? (
        <Form method="post">
          <input type="hidden" name="intent" value="start" />
          {canStart && !canStart.ok ? <p className="ws-muted">{canStart.message}</p> : null}
          <button className="nhsuk-button" type="submit" disabled={!canStart?.ok}>
            Start the consultation
          </button>
        </Form>
      ) : (
        <p>The clinician starts the consultation when everyone is ready.</p>
      )}
    </section>
  );
}

function Lines({
  script,
  parts,
}: {
  script: LiveScript;
  parts?: { characters: Character[]; speakingAs: string | null };
}) {
  return (
    <>
      {script.events.length > 0 ? (
        <ul className="nhsuk-list" aria-label="What happens now">
          {script.events.map((e, i) => (
            <li key={i} className="ws-notice">
              <em>{e.text}</em>
            </li>
          ))}
        </ul>
      ) : null}
      <ScriptLines lines={script.lines} characters={parts?.characters ?? []} speakingAs={parts?.speakingAs ?? null} />
    </>
  );
}

export function ActorScript({
  script,
  characters,
  switchedTo,
}: {
  script: LiveScript;
  characters: Character[];
  /** The part this actor switched to at this step, as stored (after a reload). */
  switchedTo: string | null;
}) {
  const [speakingAs, switchTo] = useSpeakingAs(characters, script.lines, script.step, switchedTo);
  return (
    <section aria-labelledby="script-title">
      <CharacterBriefs characters={characters} speakingAs={speakingAs} onSwitch={switchTo} />
      <h2 id="script-title">{script.title ?? "Your lines now"}</h2>
      <div data-testid="current-node" data-node={script.nodeId} data-step={script.step}>
        <Lines script={script} parts={{ characters, speakingAs }} />
      </div>
      {script.finished ? (
        <p>The consultation has reached its ending.</p>
      ) : (
        <Form method="post">
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
              The clinician&apos;s response was closest to:
            </legend>
            <input type="hidden" name="intent" value="advance" />
            <input type="hidden" name="expectedStep" value={script.step} />
            {script.choices.map((choice) => (
              <button
                key={choice.id}
                className="nhsuk-button nhsuk-button--secondary ws-live-choice"
                type="submit"
                name="choiceId"
                value={choice.id}
              >
                {choice.text}
              </button>
            ))}
          </fieldset>
        </Form>
      )}
    </section>
  );
}

export function LearnerStage({ script }: { script: LiveScript }) {
  // The node and step ride along as attributes (not text: the learner speaks freely, with no script to read), so a
  // test can tell that the learner's page followed the actor's advance.
  return (
    <section
      aria-labelledby="learner-title"
      data-testid="current-node"
      data-node={script.nodeId}
      data-step={script.step}
    >
      <h2 id="learner-title" className="nhsuk-heading-s">
        {script.finished ? "The consultation has ended" : "Speak to the patient as you would on a real call"}
      </h2>
      {script.events.length > 0 ? (
        <ul className="nhsuk-list" aria-live="polite" data-testid="stage-events">
          {script.events.map((e, i) => (
            <li key={i} className="ws-notice">
              {e.text}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function ObserverView({
  script,
  competencies,
}: {
  script: LiveScript;
  competencies: Array<{ id: string; label: string; anchors: { 1: string; 3: string; 5: string } }>;
}) {
  return (
    <section aria-labelledby="observer-title">
      <h2 id="observer-title" className="nhsuk-heading-s">
        Now: {script.title ?? script.nodeId}
      </h2>
      <div data-testid="current-node" data-node={script.nodeId} data-step={script.step}>
        <Lines script={script} />
      </div>
      <h3 className="nhsuk-heading-xs">What to look for</h3>
      <dl className="nhsuk-summary-list">
        {competencies.map((c) => (
          <div className="nhsuk-summary-list__row" key={c.id}>
            <dt className="nhsuk-summary-list__key">{c.label}</dt>
            <dd className="nhsuk-summary-list__value">
              1: {c.anchors[1]} 3: {c.anchors[3]} 5: {c.anchors[5]}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
