// The scenario catalogue: filter by competency, setting, specialty and length; see what you have done and what is in progress.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { COMPETENCIES, COMPETENCY_INFO } from "~/core/competencies";
import { catalogueFilters, catalogueView } from "~/services/catalogue-view.server";
import { requireViewer } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";

export const meta: MetaFunction = () => [{ title: "Scenarios | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  return catalogueView(context, viewer, catalogueFilters(new URL(request.url)));
}

export default function Catalogue() {
  const { scenarios, filters, specialties, total } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Scenarios</h1>
      <p className="nhsuk-body-l">
        Rehearse a video consultation. Each one takes 10 to 20 minutes and ends with a debrief you can keep as CPD
        evidence.
      </p>
      <Form method="get" className="ws-card" aria-label="Filter scenarios">
        <div className="ws-filters">
          <FilterSelect
            id="competency"
            label="Competency"
            value={filters.competency}
            options={COMPETENCIES.map((c) => [c, COMPETENCY_INFO[c].label])}
          />
          <FilterSelect
            id="setting"
            label="Setting"
            value={filters.setting}
            options={[
              ["one-to-one", "One patient"],
              ["group", "Group session"],
            ]}
          />
          <FilterSelect
            id="specialty"
            label="Specialty"
            value={filters.specialty}
            options={specialties.map((s) => [s, s])}
          />
          <FilterSelect
            id="length"
            label="Length"
            value={filters.length}
            options={[
              ["short", "Up to 10 minutes"],
              ["medium", "11 to 20 minutes"],
              ["long", "Over 20 minutes"],
            ]}
          />
          <div className="ws-actions">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Apply filters
            </button>
            <a href="/scenarios">Clear</a>
          </div>
        </div>
      </Form>
      <p role="status">
        Showing {scenarios.length} of {total} scenario{total === 1 ? "" : "s"}.
      </p>
      <ul className="ws-card-grid nhsuk-list" aria-label="Scenarios">
        {scenarios.map((s) => (
          <li key={s.id} className="ws-card ws-scenario-card">
            <h2 className="nhsuk-heading-s">
              <a href={`/scenarios/${s.id}`}>{s.title}</a>
            </h2>
            <p>{s.summary}</p>
            <ul className="ws-chips" aria-label="Competencies assessed">
              {s.competencies.map((c) => (
                <li key={c} className="ws-tag ws-tag--blue">
                  {COMPETENCY_INFO[c].label}
                </li>
              ))}
            </ul>
            <p className="ws-muted ws-scenario-card__meta">
              {s.setting === "group" ? "Group session" : "One patient"} · {s.specialty} · about {s.minutes} minutes
            </p>
            <p className="ws-actions">
              {s.assigned ? (
                <span className={`ws-tag ${s.assigned.daysLeft < 0 ? "ws-tag--red" : "ws-tag--blue"}`}>
                  {s.assigned.daysLeft < 0 ? "Overdue" : "Assigned"}, due {formatDate(s.assigned.dueAt)}
                </span>
              ) : null}
              {s.passed ? (
                <span className="ws-tag ws-tag--green">Passed</span>
              ) : s.completed ? (
                <span className="ws-tag ws-tag--yellow">Completed, not yet passed</span>
              ) : null}
              {s.inProgress ? (
                <a href={`/attempts/${s.inProgress}`}>
                  Resume<span className="nhsuk-u-visually-hidden"> {s.title}</span>
                </a>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
