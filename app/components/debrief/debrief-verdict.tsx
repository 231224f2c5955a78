// The top of a debrief: passed or not against the pass mark, any critical error first, how the consultation ended,
// and the certificate link for a pass.
import type { Debrief } from "~/services/debrief.server";

/** Most responses are written as speech in straight quotes; the verdict adds its own, so drop the author's pair. */
const unquoted = (text: string) => text.replace(/^"([^"]*)"$/, "$1");

export function DebriefVerdict({ debrief, attemptId }: { debrief: Debrief; attemptId: string }) {
  return (
    <div className={`ws-notice ${debrief.passed ? "" : "ws-notice--warning"}`} role="status">
      <p className="nhsuk-heading-m">
        {debrief.passed ? "Passed" : "Not passed yet"}: {debrief.overall}% overall (pass mark {debrief.passMark}%)
      </p>
      {debrief.criticalErrors.length > 0 ? (
        <section aria-labelledby="critical-heading">
          <h2 id="critical-heading" className="nhsuk-heading-s">
            Critical error: this attempt cannot pass, whatever the score
          </h2>
          <ul>
            {debrief.criticalErrors.map((e) => (
              <li key={e.step}>
                Decision {e.step}, you chose: &ldquo;{unquoted(e.choiceText)}&rdquo;. <strong>{e.reason}</strong>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {debrief.ending ? (
        <p>
          <strong>{debrief.ending.title}.</strong> {debrief.ending.summary}
          {debrief.ending.outcome === "poor" ? " An unsafe or harmful ending does not pass, whatever the score." : ""}
        </p>
      ) : null}
      {debrief.passed ? (
        <p>
          <a href={`/certificates/${attemptId}`}>Get your CPD certificate</a>
        </p>
      ) : null}
    </div>
  );
}

/** The competencies that went best, and the ones to work on with tips. */
export function DebriefStrengths({ debrief }: { debrief: Debrief }) {
  return (
    <section className="ws-card" aria-labelledby="best-heading">
      <h2 id="best-heading" className="nhsuk-heading-s">
        What went best
      </h2>
      <ul>
        {debrief.strongest.map((s) => (
          <li key={s.competency}>
            <strong>{s.label}</strong> {s.score !== null ? `(${s.score}%)` : ""}
          </li>
        ))}
      </ul>
      <h2 className="nhsuk-heading-s">What to work on</h2>
      {debrief.weakest.length === 0 ? (
        <p>
          Every competency on this path is at or near full marks. Try the other path to test yourself on different
          turns.
        </p>
      ) : null}
      {debrief.weakest.map((w) => (
        <div key={w.competency}>
          <p>
            <strong>{w.label}</strong> {w.score !== null ? `(${w.score}%)` : ""}
          </p>
          <ul>
            {w.tips.map((tip) => (
              <li key={tip}>{tip}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
