// Completion (the admin's dashboard): how much assigned training is done, by team and scenario, who is overdue, average
// scores, confidence before and after, camera-presence aggregates and live practice with colleagues, with filters.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin/admin-nav";
import { DashboardFilters, DashboardTotals, OverdueList, PresenceFigures } from "~/components/admin/dashboard-sections";
import { FigureBars } from "~/components/admin/figure-bars";
import { LivePracticeSection } from "~/components/admin/live-practice-section";
import { requireRole } from "~/utils/auth.server";
import { dashboardFilter, loadDashboard } from "~/services/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Completion | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const filter = dashboardFilter(new URL(request.url));
  return { org: viewer.org.name, filter, ...(await loadDashboard(context, viewer.org.id, filter)) };
}

export default function AdminDashboard() {
  const { org, filter, dashboard: d, live, options } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminNav current="/admin" />
      <h1>Completion</h1>
      <p className="nhsuk-body-l">{org}</p>
      <DashboardFilters filter={filter} options={options} />

      <DashboardTotals totals={d.totals} />

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

      <OverdueList overdue={d.overdue} />

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

      <PresenceFigures presence={d.presence} />
      <LivePracticeSection live={live} />
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
