// My learning: every attempt the clinician has made here, with resume and debrief links.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/utils/format";
import { requireViewer } from "~/utils/auth.server";
import { listScenarios } from "~/utils/scenario-catalogue.server";

export const meta: MetaFunction = () => [{ title: "My learning | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const [attempts, entries] = await Promise.all([
    context.store.listAttemptsForUser(viewer.user.id, viewer.org.id),
    listScenarios(context, viewer.org.id),
  ]);
  const titles = new Map(entries.map((e) => [e.scenario.id, e.scenario.title]));
  return {
    attempts: attempts
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((a) => ({
        id: a.id,
        title: titles.get(a.scenarioId) ?? a.scenarioId,
        version: a.scenarioVersion,
        status: a.status,
        mode: a.mode,
        startedAt: a.startedAt,
        completedAt: a.completedAt,
        overall: a.result?.overall ?? null,
        passed: a.result?.passed ?? null,
      })),
  };
}

const STATUS = {
  "in-progress": ["In progress", "ws-tag--blue"],
  completed: ["Completed", "ws-tag--grey"],
  abandoned: ["Left early", "ws-tag--grey"],
} as const;

export default function History() {
  const { attempts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My learning</h1>
      {attempts.length === 0 ? (
        <div className="ws-card">
          <p>You have not practised yet.</p>
          <p>
            <a className="nhsuk-button" href="/scenarios">
              Choose a scenario
            </a>
          </p>
        </div>
      ) : (
        <table className="nhsuk-table ws-card">
          <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Your attempts, newest first</caption>
          <thead className="nhsuk-table__head">
            <tr className="nhsuk-table__row">
              <th scope="col" className="nhsuk-table__header">
                Scenario
              </th>
              <th scope="col" className="nhsuk-table__header">
                Started
              </th>
              <th scope="col" className="nhsuk-table__header">
                Status
              </th>
              <th scope="col" className="nhsuk-table__header">
                Result
              </th>
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {attempts.map((a) => (
              <tr className="nhsuk-table__row" key={a.id}>
                <td className="nhsuk-table__cell">
                  {a.title}{" "}
                  <span className="ws-muted">
                    v{a.version}, {a.mode}
                  </span>
                </td>
                <td className="nhsuk-table__cell">{formatDate(a.startedAt)}</td>
                <td className="nhsuk-table__cell">
                  <span className={`ws-tag ${STATUS[a.status][1]}`}>{STATUS[a.status][0]}</span>
                </td>
                <td className="nhsuk-table__cell">
                  {a.passed === null ? (
                    "—"
                  ) : (
                    <span className={`ws-tag ${a.passed ? "ws-tag--green" : "ws-tag--red"}`}>
                      {a.passed ? "Passed" : "Not passed"} {a.overall}%
                    </span>
                  )}
                </td>
                <td className="nhsuk-table__cell">
                  {a.status === "in-progress" ? (
                    <a href={`/attempts/${a.id}`}>
                      Resume<span className="nhsuk-u-visually-hidden"> {a.title}</span>
                    </a>
                  ) : null}
                  {a.status === "completed" ? (
                    <a href={`/attempts/${a.id}/debrief`}>
                      Debrief<span className="nhsuk-u-visually-hidden"> of {a.title}</span>
                    </a>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
