// Parts of Completion: the filter form, the totals, the overdue list and the camera-presence averages.
import { Form } from "@remix-run/react";
import type { DashboardFilter } from "~/core/tracking/dashboard";
import type { DashboardView } from "~/services/dashboard.server";
import { formatDate } from "~/utils/format";
import { TableHead } from "./table-head";

const figure = (value: number | null, unit = "%") => (value === null ? "No data" : `${value}${unit}`);

export function DashboardFilters({ filter, options }: { filter: DashboardFilter; options: DashboardView["options"] }) {
  return (
    <Form method="get" className="ws-card ws-filters" aria-label="Filter the completion figures">
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="team">
          Team
        </label>
        <select className="nhsuk-select" id="team" name="team" defaultValue={filter.teamId ?? ""}>
          <option value="">All teams</option>
          {options.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="scenario">
          Scenario
        </label>
        <select className="nhsuk-select" id="scenario" name="scenario" defaultValue={filter.scenarioId ?? ""}>
          <option value="">All assigned scenarios</option>
          {options.scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="from">
          From
        </label>
        <input className="nhsuk-input" type="date" id="from" name="from" defaultValue={filter.from ?? ""} />
      </div>
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor="to">
          To
        </label>
        <input className="nhsuk-input" type="date" id="to" name="to" defaultValue={filter.to ?? ""} />
      </div>
      <div className="ws-actions">
        <button type="submit" className="nhsuk-button nhsuk-button--secondary">
          Apply filters
        </button>
        <a href="/admin">Clear</a>
      </div>
      <p className="ws-muted ws-filters__hint">Dates select assignments due, and attempts completed, in that range.</p>
    </Form>
  );
}

export function OverdueList({ overdue }: { overdue: DashboardView["dashboard"]["overdue"] }) {
  return (
    <section className="ws-card" aria-labelledby="overdue-heading">
      <h2 id="overdue-heading" className="nhsuk-heading-m">
        Overdue
      </h2>
      {overdue.length === 0 ? (
        <p>Nobody is overdue.</p>
      ) : (
        // Six columns do not fit a phone: the table scrolls in its own region, so the page never moves sideways.
        <div className="ws-table-scroll" role="region" aria-label="People with overdue training" tabIndex={0}>
          <table className="nhsuk-table" data-testid="overdue-table">
            <caption className="nhsuk-u-visually-hidden">People with overdue training</caption>
            <TableHead headings={["Name", "Email", "Team", "Scenario", "Was due", "Days overdue"]} />
            <tbody className="nhsuk-table__body">
              {overdue.slice(0, 200).map((o) => (
                <tr className="nhsuk-table__row" key={`${o.userId}-${o.scenario}-${o.dueAt}`}>
                  <td className="nhsuk-table__cell">{o.name}</td>
                  <td className="nhsuk-table__cell">{o.email}</td>
                  <td className="nhsuk-table__cell">{o.teams}</td>
                  <td className="nhsuk-table__cell">{o.scenario}</td>
                  <td className="nhsuk-table__cell">{formatDate(o.dueAt)}</td>
                  <td className="nhsuk-table__cell">{o.daysOverdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {overdue.length > 200 ? (
        <p className="ws-muted">Showing the first 200 of {overdue.length}. The CSV export lists everyone.</p>
      ) : null}
    </section>
  );
}

export function PresenceFigures({ presence }: { presence: DashboardView["dashboard"]["presence"] }) {
  return (
    <section className="ws-card" aria-labelledby="presence-heading">
      <h2 id="presence-heading" className="nhsuk-heading-m">
        Camera presence (averages only)
      </h2>
      <p className="ws-muted">
        From {presence.attempts} attempt{presence.attempts === 1 ? "" : "s"} with camera feedback on (
        {presence.minutesObserved} minutes). Webside keeps only summary numbers; nobody's video or individual readings
        are shown here.
      </p>
      <dl className="nhsuk-summary-list" data-testid="presence-figures">
        {[
          ["Face well framed", presence.wellFramed],
          ["Well lit", presence.wellLit],
          ["Looking at the camera while speaking", presence.eyeContactSpeaking],
          ["Looking at the camera while listening", presence.eyeContactListening],
        ].map(([label, value]) => (
          <div className="nhsuk-summary-list__row" key={String(label)}>
            <dt className="nhsuk-summary-list__key">{label}</dt>
            <dd className="nhsuk-summary-list__value">
              {value === null ? "No data yet" : `${figure(value as number)} of the time`}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function DashboardTotals({ totals }: { totals: DashboardView["dashboard"]["totals"] }) {
  return (
    <div className="ws-card-grid" data-testid="dashboard-totals">
      <div className="ws-card">
        <p className="ws-stat" data-testid="total-percent">
          {totals.percent}%
        </p>
        <p className="ws-muted">
          of assigned training completed ({totals.completed} of {totals.assigned})
        </p>
      </div>
      <div className="ws-card">
        <p className="ws-stat" data-testid="total-overdue">
          {totals.overdue}
        </p>
        <p className="ws-muted">overdue</p>
      </div>
      <div className="ws-card">
        <p className="ws-stat">{totals.people}</p>
        <p className="ws-muted">active staff in view (signed in at least once)</p>
      </div>
      <div className="ws-card">
        <p className="ws-stat" data-testid="total-invited">
          {totals.invited}
        </p>
        <p className="ws-muted">
          invited, not signed in yet (<a href="/admin/training">who is missing training</a>)
        </p>
      </div>
    </div>
  );
}
