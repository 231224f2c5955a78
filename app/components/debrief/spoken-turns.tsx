// The debrief's "say it first" strip: per turn, how quickly the clinician answered, how long they spoke, eye contact.
import { TURN_GUIDANCE } from "~/core/speech/turn-guidance";
import type { SpokenTurnRow } from "~/services/spoken-debrief.server";

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function onsetText(row: SpokenTurnRow): string {
  if (row.onsetMs === null) return "No speech heard";
  if (row.onsetMs < 0) return `Started ${seconds(-row.onsetMs)} before the patient finished`;
  return `Answered after ${seconds(row.onsetMs)}`;
}

/**
 * `live`: a live role-play, where a colleague speaks the patient's lines. Webside does not know when they finished,
 * so there is no "how quickly you answered"; each turn is a step of the script.
 */
export function SpokenTurns({ rows, live = false }: { rows: SpokenTurnRow[]; live?: boolean }) {
  if (rows.length === 0) return null;
  return (
    <section className="ws-card" aria-labelledby="spoken-heading" data-testid="spoken-turns">
      <h2 id="spoken-heading" className="nhsuk-heading-m">
        {live ? "How the clinician spoke" : "How you answered aloud"}
      </h2>
      <p className="ws-muted">
        Measured on your device while you spoke; no sound was recorded or sent. The tips use guidance from communication
        research, not norms: a pause or a long answer can be exactly right for the moment.
      </p>
      <ol className="ws-spoken">
        {rows.map((row) => (
          <li key={`${row.nodeId}-${row.index}`} className="ws-spoken__turn" data-testid="spoken-turn">
            <h3 className="nhsuk-heading-xs">
              {row.index}. {row.nodeTitle ?? "Decision"}
              {row.optionsShownEarly ? (
                <span className="ws-tag ws-tag--grey ws-spoken__early">Options shown before speaking</span>
              ) : null}
            </h3>
            {row.optionsShownEarly && row.speakingMs === 0 ? (
              <p className="ws-muted ws-spoken__silent">You chose without answering aloud.</p>
            ) : (
              <dl className="ws-spoken__figures">
                {live ? null : (
                  <div>
                    <dt>How quickly you answered</dt>
                    <dd data-testid="spoken-onset">{onsetText(row)}</dd>
                  </div>
                )}
                <div>
                  <dt>How long you spoke</dt>
                  <dd data-testid="spoken-speaking">
                    {seconds(row.speakingMs)}
                    {row.pauseCount > 0 ? `, ${row.pauseCount} ${row.pauseCount === 1 ? "pause" : "pauses"}` : ""}
                  </dd>
                </div>
                <div>
                  <dt>Eye contact while speaking</dt>
                  <dd data-testid="spoken-eye-contact">
                    {row.eyeContact === null
                      ? row.speakingMs === 0
                        ? "No speech to judge"
                        : "Camera off or too little seen"
                      : `${Math.round(row.eyeContact * 100)}% of the time${
                          row.eyeContact < TURN_GUIDANCE.eyeContactShare ? " (aim for more)" : ""
                        }`}
                  </dd>
                </div>
                {row.syllablesPerSecond !== null ? (
                  <div>
                    <dt>Pace</dt>
                    <dd>{row.syllablesPerSecond.toFixed(1)} syllables a second (estimated)</dd>
                  </div>
                ) : null}
              </dl>
            )}
            {row.tips.length ? (
              <ul className="ws-spoken__tips" aria-label="Tips for this turn">
                {row.tips.map((tip) => (
                  <li key={tip.kind}>{tip.text}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
