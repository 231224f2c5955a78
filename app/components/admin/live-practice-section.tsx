// The dashboard's live role-play figures: consultations held, who took part in which role, by team and by person.
// Counted apart from the completion figures: live practice never completes an assignment (ADR 0054).
import type { DashboardView } from "~/services/dashboard.server";
import { formatDate } from "~/utils/format";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function LivePracticeSection({ live }: { live: DashboardView["live"] }) {
  return (
    <section className="ws-card" aria-labelledby="live-practice-heading" data-testid="live-practice">
      <h2 id="live-practice-heading" className="nhsuk-heading-m">
        Live practice with colleagues
      </h2>
      <p className="ws-muted">
        Live role-play: a colleague plays the patient over video, others may observe. It is practice, so it does not
        complete assigned training and its scores are not in the averages above.
      </p>
      {live.held === 0 && live.byPerson.length === 0 ? (
        <p>No live consultations yet.</p>
      ) : (
        <>
          <p data-testid="live-practice-totals">
            {plural(live.held, "live consultation")} held ({live.reachedEnding} reached the script&apos;s ending), by{" "}
            {plural(live.clinicians, "clinician")}, with {plural(live.colleagues, "colleague")} playing patients or
            observing.
          </p>
          <div className="ws-table-scroll" role="region" aria-label="Live practice by team" tabIndex={0}>
            <table className="nhsuk-table" data-testid="live-practice-by-team">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">By team</caption>
              <LiveHead first="Team" />
              <tbody className="nhsuk-table__body">
                {live.byTeam.map((t) => (
                  <tr className="nhsuk-table__row" key={t.id || "none"}>
                    <th scope="row" className="nhsuk-table__cell">
                      {t.label}
                    </th>
                    <LiveCells counts={t} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="ws-table-scroll" role="region" aria-label="Live practice by person" tabIndex={0}>
            <table className="nhsuk-table" data-testid="live-practice-by-person">
              <caption className="nhsuk-table__caption nhsuk-table__caption--s">By person</caption>
              <LiveHead first="Person" last="Last live session" />
              <tbody className="nhsuk-table__body">
                {live.byPerson.map((p) => (
                  <tr className="nhsuk-table__row" key={p.userId}>
                    <th scope="row" className="nhsuk-table__cell">
                      {p.name}
                      <span className="ws-muted"> {p.teams}</span>
                    </th>
                    <LiveCells counts={p} />
                    <td className="nhsuk-table__cell">{formatDate(p.lastAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function LiveHead({ first, last }: { first: string; last?: string }) {
  return (
    <thead className="nhsuk-table__head">
      <tr className="nhsuk-table__row">
        {[first, "As clinician", "As patient actor", "As observer", ...(last ? [last] : [])].map((h) => (
          <th key={h} scope="col" className="nhsuk-table__header">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function LiveCells({ counts }: { counts: { asClinician: number; asActor: number; asObserver: number } }) {
  return (
    <>
      <td className="nhsuk-table__cell">{counts.asClinician}</td>
      <td className="nhsuk-table__cell">{counts.asActor}</td>
      <td className="nhsuk-table__cell">{counts.asObserver}</td>
    </>
  );
}
