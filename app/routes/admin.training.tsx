// Who is missing training: each person's status per assignment (overdue, not started, in progress, passed) with
// their last activity, counts per team, filters, and the same list as a CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminNav } from "~/components/admin/admin-nav";
import { TeamTrainingTable, TrainingFilters, TrainingPeopleTable } from "~/components/admin/training-status";
import { loadTrainingStatus, trainingFilter, trainingQuery } from "~/services/training-status.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Who is missing training | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireRole(request, context, "admin");
  const filter = trainingFilter(new URL(request.url));
  return { filter, query: trainingQuery(filter), ...(await loadTrainingStatus(context, viewer.org.id, filter)) };
}

export default function TrainingStatusPage() {
  const { filter, query, report, options } = useLoaderData<typeof loader>();
  return (
    <>
      <AdminNav current="/admin/training" />
      <h1>Who is missing training</h1>
      <TrainingFilters filter={filter} options={options} />
      <div className="ws-card-grid" data-testid="training-totals">
        <div className="ws-card">
          <p className="ws-stat" data-testid="count-overdue">
            {report.counts.overdue}
          </p>
          <p className="ws-muted">overdue</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat" data-testid="count-not-started">
            {report.counts["not started"]}
          </p>
          <p className="ws-muted">not started</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat" data-testid="count-active-staff">
            {report.activeStaff}
          </p>
          <p className="ws-muted">active staff (signed in at least once)</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat" data-testid="count-invited">
            {report.invited}
          </p>
          <p className="ws-muted">invited, not signed in yet</p>
        </div>
      </div>
      <section className="ws-card" aria-labelledby="by-team-heading">
        <h2 id="by-team-heading" className="nhsuk-heading-m">
          By team
        </h2>
        <TeamTrainingTable byTeam={report.byTeam} />
      </section>
      <section className="ws-card" aria-labelledby="people-heading">
        <h2 id="people-heading" className="nhsuk-heading-m">
          People
        </h2>
        <p>
          <a href={`/admin/training.csv${query}`} download>
            Download this list as CSV
          </a>
        </p>
        <TrainingPeopleTable rows={report.rows} />
      </section>
    </>
  );
}
