// The import report: everything in an imported file that could not be mapped exactly, by severity and place.
import type { ImportNote } from "~/core/interchange";

const SEVERITY_TAG = { error: "ws-tag--red", warning: "ws-tag--yellow", info: "ws-tag--blue" } as const;

export function ImportReport({ report }: { report: ImportNote[] }) {
  if (report.length === 0) return null;
  return (
    <table className="nhsuk-table ws-report">
      <caption className="nhsuk-table__caption nhsuk-table__caption--s">Import report</caption>
      <thead>
        <tr>
          <th scope="col">Severity</th>
          <th scope="col">Where</th>
          <th scope="col">What happened</th>
        </tr>
      </thead>
      <tbody>
        {report.map((n, i) => (
          <tr key={i}>
            <td>
              <span className={`ws-tag ${SEVERITY_TAG[n.severity]}`}>{n.severity}</span>
            </td>
            <td>{n.where}</td>
            <td>{n.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
