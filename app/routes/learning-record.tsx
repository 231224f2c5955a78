// "My learning record": every completed scenario with score, CPD minutes and certificate, exportable as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireViewer } from "~/utils/auth.server";
import { formatDate } from "~/utils/format";
import { learningRecord } from "~/services/learning-record.server";
import { TableHead } from "~/components/admin/table-head";
import { CPD_RULE, describeDuration } from "~/core/tracking/cpd";

export const meta: MetaFunction = () => [{ title: "My learning record | Webside" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const rows = await learningRecord(context, viewer);
  return {
    name: viewer.user.name,
    org: viewer.org.name,
    rows,
    minutes: rows.reduce((sum, r) => sum + r.minutes, 0),
    passed: rows.filter((r) => r.passed).length,
  };
}

export default function LearningRecordPage() {
  const { name, org, rows, minutes, passed } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>My learning record</h1>
      <p className="nhsuk-body-l">
        {name}, {org}
      </p>
      <div className="ws-card-grid">
        <div className="ws-card">
          <p className="ws-stat">{rows.length}</p>
          <p className="ws-muted">scenarios completed</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat">{passed}</p>
          <p className="ws-muted">passed, each with a certificate</p>
        </div>
        <div className="ws-card">
          <p className="ws-stat" data-testid="cpd-minutes">
            {minutes}
          </p>
          <p className="ws-muted">minutes of CPD</p>
        </div>
      </div>
      <p className="ws-muted">{CPD_RULE}</p>
      <p>
        <a href="/learning-record.csv" download>
          Download my learning record (CSV)
        </a>
      </p>
      {rows.length === 0 ? (
        <p>
          You have not completed a scenario yet. <a href="/scenarios">Choose one to practise</a>.
        </p>
      ) : (
        <div className="ws-table-scroll" role="region" aria-label="Completed scenarios table" tabIndex={0}>
          <table className="nhsuk-table ws-table--compact" data-testid="learning-record">
            <caption className="nhsuk-u-visually-hidden">Completed scenarios</caption>
            <TableHead headings={["Completed", "Scenario", "Score", "CPD credited", "Time taken", "Certificate"]} />
            <tbody className="nhsuk-table__body">
              {rows.map((r) => (
                <tr className="nhsuk-table__row" key={r.attemptId}>
                  <td className="nhsuk-table__cell">{formatDate(r.completedAt)}</td>
                  <td className="nhsuk-table__cell">
                    <a href={r.debriefHref}>{r.title}</a>{" "}
                    <span className="ws-muted">
                      v{r.version}
                      {r.live ? ", live practice" : r.mode === "assessment" ? ", assessment" : ""}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {r.overall}%{" "}
                    <span className={`ws-tag ${r.passed ? "ws-tag--green" : "ws-tag--red"}`}>
                      {r.passed ? "Passed" : "Not yet passed"}
                    </span>
                  </td>
                  <td className="nhsuk-table__cell">
                    {r.minutes} min
                    {r.minutes !== r.nominalMinutes
                      ? ` (of ${r.nominalMinutes}: ${r.passed ? "already credited" : "not passed"})`
                      : ""}
                  </td>
                  <td className="nhsuk-table__cell">{describeDuration(r.secondsTaken)}</td>
                  <td className="nhsuk-table__cell">
                    {r.passed ? (
                      <a href={`/certificates/${r.attemptId}`}>
                        {r.certificateCode ? "View" : "Get certificate"}
                        <span className="nhsuk-u-visually-hidden"> for {r.title}</span>
                      </a>
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
