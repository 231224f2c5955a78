// The staff import's preview (every row with its problems; import all when all are good, or skip the bad rows and
// import the rest) and its result (the invitation links to hand out, and any skipped rows to download).
import { Form } from "@remix-run/react";
import type { StaffCsvReport } from "~/core/tracking/staff-csv";
import type { SkippedRow } from "~/services/staff-import.server";
import { ResponsiveCell } from "../responsive-cell";
import { TableHead } from "./table-head";

export function ImportPreview({ report, csv }: { report: StaffCsvReport; csv: string }) {
  const bad = report.rows.filter((r) => r.problems.length > 0);
  const good = report.rows.length - bad.length;
  return (
    <section className="ws-card" aria-labelledby="preview-heading">
      <h2 id="preview-heading" className="nhsuk-heading-m">
        Preview: {report.rows.length} {report.rows.length === 1 ? "person" : "people"}
      </h2>
      {report.fileProblems.map((p) => (
        <p className="nhsuk-error-message" key={p}>
          {p}
        </p>
      ))}
      {report.rows.length > 0 ? (
        <p data-testid="import-summary">
          {bad.length === 0
            ? `All ${report.rows.length} rows are ready to import.`
            : `${bad.length} of ${report.rows.length} rows have problems. Nothing has been imported. Fix them in your spreadsheet and upload it again${good > 0 ? ", or import the other rows now and skip these" : ""}.`}
          {report.newTeams.length > 0 ? ` New teams to create: ${report.newTeams.join(", ")}.` : ""}
        </p>
      ) : null}
      {report.ok ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="csv" value={csv} />
          <button type="submit" className="nhsuk-button">
            Import {report.rows.length} {report.rows.length === 1 ? "person" : "people"}
          </button>
        </Form>
      ) : good > 0 && report.fileProblems.length === 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="confirm" />
          <input type="hidden" name="skip" value="yes" />
          <input type="hidden" name="csv" value={csv} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Skip {bad.length} {bad.length === 1 ? "row" : "rows"} with problems and import {good}{" "}
            {good === 1 ? "person" : "people"}
          </button>
        </Form>
      ) : null}
      {report.rows.length > 0 ? (
        <table className="nhsuk-table nhsuk-table--responsive ws-table--compact" data-testid="import-preview">
          <caption className="nhsuk-u-visually-hidden">Rows of the file and their checks</caption>
          <TableHead headings={["Line", "Name", "Email", "Team", "Roles", "Check"]} />
          <tbody className="nhsuk-table__body">
            {report.rows.map((r) => (
              <tr className={`nhsuk-table__row${r.problems.length ? " ws-row--problem" : ""}`} key={r.line}>
                <ResponsiveCell heading="Line">{r.line}</ResponsiveCell>
                <ResponsiveCell heading="Name">{r.name}</ResponsiveCell>
                <ResponsiveCell heading="Email">
                  <span className="ws-break">{r.email}</span>
                </ResponsiveCell>
                <ResponsiveCell heading="Team">{r.team}</ResponsiveCell>
                <ResponsiveCell heading="Roles">{r.roles.join(", ")}</ResponsiveCell>
                <ResponsiveCell heading="Check">
                  {r.problems.length === 0 ? (
                    <span className="ws-tag ws-tag--green">OK</span>
                  ) : (
                    r.problems.map((p) => (
                      <p className="nhsuk-error-message ws-problem" key={p}>
                        {p}
                      </p>
                    ))
                  )}
                </ResponsiveCell>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** The rows an import skipped, with why, and the same rows as a CSV to correct and upload again. */
function SkippedRows({ skipped, csv }: { skipped: SkippedRow[]; csv: string }) {
  return (
    <div className="nhsuk-warning-callout" data-testid="import-skipped">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>
          {skipped.length} {skipped.length === 1 ? "row was" : "rows were"} skipped
        </span>
      </h3>
      <ul className="nhsuk-list">
        {skipped.map((r) => (
          <li key={r.line} className="ws-break">
            Line {r.line}
            {r.name ? `, ${r.name}` : ""}
            {r.email ? ` (${r.email})` : ""}: {r.problems.join(" ")}
          </li>
        ))}
      </ul>
      <p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(csv)}`} download="webside-skipped-staff.csv">
          Download the skipped rows (CSV)
        </a>{" "}
        to correct them and import them again.
      </p>
    </div>
  );
}

export function ImportResult({
  people,
  teamsCreated,
  skipped = [],
  skippedCsv = null,
}: {
  people: Array<{ name: string; email: string; link: string }>;
  teamsCreated: string[];
  skipped?: SkippedRow[];
  skippedCsv?: string | null;
}) {
  return (
    <section className="ws-card" aria-labelledby="result-heading">
      <div className="ws-notice" role="status">
        <h2 id="result-heading" className="nhsuk-heading-m">
          Imported {people.length} {people.length === 1 ? "person" : "people"}
        </h2>
        {teamsCreated.length > 0 ? <p>New teams: {teamsCreated.join(", ")}.</p> : null}
      </div>
      {skippedCsv && skipped.length > 0 ? <SkippedRows skipped={skipped} csv={skippedCsv} /> : null}
      <p>
        Send each person their own set-password link. Each works once and lasts 14 days; you can make a new one from
        their staff page.
      </p>
      <table className="nhsuk-table nhsuk-table--responsive ws-table--compact" data-testid="import-links">
        <caption className="nhsuk-u-visually-hidden">Invitation links for the imported people</caption>
        <TableHead headings={["Name", "Email", "Set-password link"]} />
        <tbody className="nhsuk-table__body">
          {people.map((p) => (
            <tr className="nhsuk-table__row" key={p.email}>
              <ResponsiveCell heading="Name">{p.name}</ResponsiveCell>
              <ResponsiveCell heading="Email">
                <span className="ws-break">{p.email}</span>
              </ResponsiveCell>
              <ResponsiveCell heading="Set-password link">
                <code className="ws-break" data-email={p.email}>
                  {p.link}
                </code>
              </ResponsiveCell>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/admin/staff">Back to staff</a>
      </p>
    </section>
  );
}
