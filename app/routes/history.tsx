// My learning: every attempt the clinician has made here, with resume and debrief links.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ResponsiveCell } from "~/components/responsive-cell";
import { formatDateTime } from "~/utils/format";
import { requireViewer } from "~/utils/auth.server";
import { myAttempts, type MyAttemptRow } from "~/services/my-learning.server";

export const meta: MetaFunction = () => [{ title: "My learning | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  return { attempts: await myAttempts(context, viewer) };
}

const STATUS = {
  "in-progress": ["In progress", "ws-tag--blue"],
  completed: ["Completed", "ws-tag--grey"],
  abandoned: ["Left early", "ws-tag--grey"],
} as const;

export default function History() {
  const { attempts } = useLoaderData<typeof loader>();
  // Attempts left early are kept (they are the record) but folded away, so the table shows what matters.
  const kept = attempts.filter((a) => a.status !== "abandoned");
  const leftEarly = attempts.filter((a) => a.status === "abandoned");
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
        <>
          {kept.length > 0 ? <AttemptTable rows={kept} caption="Your attempts, newest first" /> : null}
          {leftEarly.length > 0 ? (
            <details className="nhsuk-details">
              <summary className="nhsuk-details__summary">
                <span className="nhsuk-details__summary-text">Attempts you left early ({leftEarly.length})</span>
              </summary>
              <div className="nhsuk-details__text">
                <AttemptTable rows={leftEarly} caption="Attempts you left early, newest first" />
              </div>
            </details>
          ) : null}
        </>
      )}
    </>
  );
}

function AttemptTable({ rows, caption }: { rows: MyAttemptRow[]; caption: string }) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive ws-card">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
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
        {rows.map((a) => (
          <tr className="nhsuk-table__row" key={a.id}>
            <ResponsiveCell heading="Scenario">
              {a.title}{" "}
              <span className="ws-muted">
                v{a.version}, {a.mode}
              </span>
            </ResponsiveCell>
            <ResponsiveCell heading="Started">
              {formatDateTime(a.startedAt)}
              {a.completedAt ? <span className="ws-muted"> (finished {formatDateTime(a.completedAt)})</span> : null}
            </ResponsiveCell>
            <ResponsiveCell heading="Status">
              <span className={`ws-tag ${STATUS[a.status][1]}`}>{STATUS[a.status][0]}</span>
            </ResponsiveCell>
            <ResponsiveCell heading="Result">
              {a.passed === null ? (
                "—"
              ) : (
                <span className={`ws-tag ${a.passed ? "ws-tag--green" : "ws-tag--red"}`}>
                  {a.passed ? "Passed" : "Not passed"} {a.overall}%
                </span>
              )}
            </ResponsiveCell>
            <ResponsiveCell heading="Actions">
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
            </ResponsiveCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
