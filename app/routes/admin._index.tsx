// The completion dashboard: how much assigned training is done, by team and scenario, who is overdue, average
// scores, confidence before and after, and camera-presence aggregates, with filters.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin/admin-nav";
import { FigureBars } from "~/components/admin/figure-bars";
import { requireRole } from "~/utils/auth.server";
import { dashboardFilter, loadDashboard } from "~/utils/dashboard.server";
import { formatDate } from "~/utils/format";
import { TableHead } from "~/components/admin/table-head";

export const meta: MetaFunction = () => [{ title: "Completion dashboard | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const filter = dashboardFilter(new URL(request.url));
  return { org: viewer.org.name, filter, ...(await loadDashboard(context, viewer.org.id, filter)) };
}

const figure = (value: number | null, unit = "%") => (value === null ? "No data" : `${value}${unit}`);

export default function AdminDashboard() {
  const { org, filter, dashboard: d, options } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminNav current="/admin" />
      <h1>Completion dashboard</h1>
      <p className="nhsuk-body-l">{org}</p>
      <Form method="get" className="ws-card ws-filters" aria-label="Filter the dashboard">
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
        <p className="ws-muted ws-filters__hint">
          Dates select assignments due, and attempts completed, in that range.
        </p>
      </Form>

      <div className="ws-card-grid" data-testid="dashboard-totals">
        <div className="ws-card">
          <p className="ws-stat" data-testid="total-percent">
            {d.totals.percent}%
          </p>
          <p className="ws-muted">
            of assigned training completed ({d.totals.completed} of {d.totals.assigned})
          </p>
        </div>
        <div className="ws-card">
          <p className="ws-stat" data-testid="total-overdue">
            {d.totals.overdue}
          </p>
          <p className="ws-muted">overdue</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat">{d.totals.people}</p>
          <p className="ws-muted">active staff in view</p>
        </div>
      </div>

      <div className="ws-two-up">
        <section className="ws-card" aria-labelledby="by-team">
          <h2 id="by-team" className="nhsuk-heading-m">
            Completion by team
          </h2>
          <FigureBars
            caption="Completion by team"
            testId="completion-by-team"
            max={100}
            unit="%"
            valueHeading="Completed"
            rows={d.byTeam.map((b) => ({
              id: b.id || "none",
              label: b.label,
              value: b.percent,
              note: `${b.completed} of ${b.assigned}`,
            }))}
          />
        </section>
        <section className="ws-card" aria-labelledby="by-scenario">
          <h2 id="by-scenario" className="nhsuk-heading-m">
            Completion by scenario
          </h2>
          <FigureBars
            caption="Completion by scenario"
            testId="completion-by-scenario"
            max={100}
            unit="%"
            valueHeading="Completed"
            rows={d.byScenario.map((b) => ({
              id: b.id,
              label: b.label,
              value: b.percent,
              note: `${b.completed} of ${b.assigned}`,
            }))}
          />
        </section>
      </div>

      <section className="ws-card" aria-labelledby="overdue-heading">
        <h2 id="overdue-heading" className="nhsuk-heading-m">
          Overdue
        </h2>
        {d.overdue.length === 0 ? (
          <p>Nobody is overdue.</p>
        ) : (
          <table className="nhsuk-table" data-testid="overdue-table">
            <caption className="nhsuk-u-visually-hidden">People with overdue training</caption>
            <TableHead headings={["Name", "Email", "Team", "Scenario", "Was due", "Days overdue"]} />
            <tbody className="nhsuk-table__body">
              {d.overdue.slice(0, 200).map((o) => (
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
        )}
        {d.overdue.length > 200 ? (
          <p className="ws-muted">Showing the first 200 of {d.overdue.length}. The CSV export lists everyone.</p>
        ) : null}
      </section>

      <div className="ws-two-up">
        <section className="ws-card" aria-labelledby="competency-heading">
          <h2 id="competency-heading" className="nhsuk-heading-m">
            Average scores by competency
          </h2>
          <p className="ws-muted">
            Over {d.completedAttempts} completed attempt{d.completedAttempts === 1 ? "" : "s"}.
          </p>
          <FigureBars
            caption="Average score by competency"
            testId="competency-averages"
            max={100}
            unit="%"
            valueHeading="Average"
            rows={d.competencies.map((c) => ({
              id: c.competency,
              label: c.label,
              value: c.average,
              note: `${c.attempts} attempt${c.attempts === 1 ? "" : "s"}`,
            }))}
          />
        </section>
        <section className="ws-card" aria-labelledby="confidence-heading">
          <h2 id="confidence-heading" className="nhsuk-heading-m">
            Confidence before and after
          </h2>
          <p className="ws-muted">
            Self-rated, 1 to 5, over {d.confidence.attempts} attempt{d.confidence.attempts === 1 ? "" : "s"} rated both
            times.
          </p>
          <FigureBars
            caption="Average confidence (out of 5)"
            testId="confidence"
            max={5}
            unit=""
            valueHeading="Average out of 5"
            rows={[
              { id: "before", label: "Before practising", value: d.confidence.before },
              { id: "after", label: "After practising", value: d.confidence.after },
            ]}
          />
        </section>
      </div>

      <section className="ws-card" aria-labelledby="presence-heading">
        <h2 id="presence-heading" className="nhsuk-heading-m">
          Camera presence (averages only)
        </h2>
        <p className="ws-muted">
          From {d.presence.attempts} attempt{d.presence.attempts === 1 ? "" : "s"} with camera feedback on (
          {d.presence.minutesObserved} minutes). Webside keeps only summary numbers; nobody's video or individual
          readings are shown here.
        </p>
        <dl className="nhsuk-summary-list" data-testid="presence-figures">
          {[
            ["Face well framed", d.presence.wellFramed],
            ["Well lit", d.presence.wellLit],
            ["Looking at the camera while speaking", d.presence.eyeContactSpeaking],
            ["Looking at the camera while listening", d.presence.eyeContactListening],
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
      <p>
        <a href="/admin/export.csv" download>
          Download the completion CSV
        </a>{" "}
        ·{" "}
        <a href="/admin/export.xapi.json" download>
          Download xAPI statements
        </a>
      </p>
    </>
  );
}
