// The scenario catalogue: filter by competency, setting, specialty and length; see what you have done and what is in progress.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { COMPETENCIES, COMPETENCY_INFO, type Competency } from "~/core/competencies";
import { assignedToViewer } from "~/utils/assigned.server";
import { requireViewer } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { listScenarios } from "~/utils/scenario-catalogue.server";

export const meta: MetaFunction = () => [{ title: "Scenarios | Webside" }];

const LENGTHS = { short: [0, 10], medium: [11, 20], long: [21, 999] } as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const url = new URL(request.url);
  const filters = {
    competency: url.searchParams.get("competency") ?? "",
    setting: url.searchParams.get("setting") ?? "",
    specialty: url.searchParams.get("specialty") ?? "",
    length: url.searchParams.get("length") ?? "",
  };
  const [entries, attempts] = await Promise.all([
    listScenarios(context, viewer.org.id),
    context.store.listAttemptsForUser(viewer.user.id, viewer.org.id),
  ]);
  const assigned = (await assignedToViewer(context, viewer, (id) => id)).filter((a) => a.status !== "completed");
  const specialties = [...new Set(entries.map((e) => e.scenario.specialty))].sort();
  const range = Object.hasOwn(LENGTHS, filters.length) ? LENGTHS[filters.length as keyof typeof LENGTHS] : null;
  const scenarios = entries
    .map((e) => e.scenario)
    .filter((s) => !filters.competency || s.competencies.includes(filters.competency as Competency))
    .filter((s) => !filters.setting || s.setting === filters.setting)
    .filter((s) => !filters.specialty || s.specialty === filters.specialty)
    .filter((s) => !range || (s.minutes >= range[0] && s.minutes <= range[1]))
    .map((s) => {
      const mine = attempts.filter((a) => a.scenarioId === s.id);
      return {
        id: s.id,
        title: s.title,
        summary: s.summary,
        setting: s.setting,
        specialty: s.specialty,
        minutes: s.minutes,
        competencies: s.competencies,
        passed: mine.some((a) => a.result?.passed),
        completed: mine.some((a) => a.status === "completed"),
        inProgress: mine.find((a) => a.status === "in-progress")?.id ?? null,
        assigned: assigned.find((a) => a.scenarioId === s.id) ?? null,
      };
    });
  scenarios.sort(
    (a, b) =>
      (a.assigned ? 0 : 1) - (b.assigned ? 0 : 1) || (a.assigned?.dueAt ?? "").localeCompare(b.assigned?.dueAt ?? ""),
  );
  return { scenarios, filters, specialties, total: entries.length };
}

function Select({
  id,
  label,
  value,
  options,
}: {
  id: string;
  label: string;
  value: string;
  options: Array<[string, string]>;
}) {
  return (
    <div className="nhsuk-form-group">
      <label className="nhsuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="nhsuk-select" id={id} name={id} defaultValue={value}>
        <option value="">Any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
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
          <Select
            id="competency"
            label="Competency"
            value={filters.competency}
            options={COMPETENCIES.map((c) => [c, COMPETENCY_INFO[c].label])}
          />
          <Select
            id="setting"
            label="Setting"
            value={filters.setting}
            options={[
              ["one-to-one", "One patient"],
              ["group", "Group session"],
            ]}
          />
          <Select id="specialty" label="Specialty" value={filters.specialty} options={specialties.map((s) => [s, s])} />
          <Select
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
