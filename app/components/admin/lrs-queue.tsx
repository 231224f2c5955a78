// What is waiting to go to the LRS, what could not be sent yet, and the export downloads.
import { formatDateTime } from "~/utils/format";
import { TableHead } from "./table-head";

export function LrsQueue({
  connected,
  pending,
  sentRecently,
  failing,
}: {
  connected: boolean;
  pending: number;
  sentRecently: number;
  failing: Array<{ id: string; tries: number; lastError: string; nextTryAt: string; verb: string }>;
}) {
  return (
    <section className="ws-card" aria-labelledby="queue-heading">
      <h2 id="queue-heading" className="nhsuk-heading-m">
        Sending to the LRS
      </h2>
      {!connected ? (
        <p>No LRS is set up, so nothing is being sent. You can still download the statements below.</p>
      ) : null}
      <p data-testid="queue-summary">
        {pending} statement{pending === 1 ? "" : "s"} waiting to be sent; {sentRecently} of the last 200 sent.
      </p>
      <p className="ws-muted">
        Statements are sent in the background with retries that back off up to an hour. Clinicians are never kept
        waiting by the LRS.
      </p>
      {failing.length > 0 ? (
        <table className="nhsuk-table ws-table--compact" data-testid="queue-failures">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">
            Statements that could not be sent yet
          </caption>
          <TableHead headings={["Statement", "Tries", "Last error", "Next try"]} />
          <tbody className="nhsuk-table__body">
            {failing.map((f) => (
              <tr className="nhsuk-table__row" key={f.id}>
                <td className="nhsuk-table__cell">{f.verb}</td>
                <td className="nhsuk-table__cell">{f.tries}</td>
                <td className="nhsuk-table__cell ws-break">{f.lastError}</td>
                <td className="nhsuk-table__cell">{formatDateTime(f.nextTryAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function ExportDownloads() {
  return (
    <section className="ws-card" aria-labelledby="downloads-heading">
      <h2 id="downloads-heading" className="nhsuk-heading-m">
        Downloads
      </h2>
      <ul className="nhsuk-list">
        <li>
          <a href="/admin/export.csv" download>
            Completion CSV
          </a>
          : one row per person per assignment.
        </li>
        <li>
          <a href="/admin/export.xapi.json" download>
            xAPI statements (JSON)
          </a>
          : every completed attempt, xAPI 1.0.3.
        </li>
      </ul>
      <p className="ws-muted">Every download is recorded in the audit log.</p>
    </section>
  );
}
