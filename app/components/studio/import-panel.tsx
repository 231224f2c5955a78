// Importing a Twine, H5P, XState or Webside file as a new draft: the form, what became of the last import, its report
// and how Twine passages and tags are read.
import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";
import type { ImportOutcome } from "~/services/studio-library.server";
import { ImportReport } from "./import-report";

export function ImportPanel({
  outcome,
  problem,
  busy,
}: {
  outcome: ImportOutcome | null;
  problem: string | null;
  busy: boolean;
}) {
  const error = problem ?? outcome?.error ?? null;
  return (
    <section className="ws-card" aria-labelledby="import-heading">
      <h2 id="import-heading" className="nhsuk-heading-s">
        Import from Twine, H5P or XState
      </h2>
      {error ? (
        <ErrorSummary errors={[]} title={error} titleId="import-error-title">
          {(outcome?.report ?? [])
            .filter((n) => n.severity === "error")
            .map((n) => (
              <p key={n.message} className="nhsuk-error-message">
                {n.where}: {n.message}
              </p>
            ))}
        </ErrorSummary>
      ) : null}
      {outcome?.created ? (
        <div className="ws-notice" role="status">
          Imported {outcome.filename} as a new draft.{" "}
          <a href={`/studio/${outcome.created.id}?imported=${encodeURIComponent(outcome.filename)}`}>
            Open {outcome.created.title} in the editor
          </a>
          {outcome.report.length > 0 ? "; the report below lists what did not map exactly." : "."}
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="import" />
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="import-file">
            File (at most 256 KB)
          </label>
          <span className="nhsuk-hint" id="import-file-hint">
            A Twee 3 file (.twee), an H5P Branching Scenario content.json, an XState machine (.json) or a Webside
            scenario (.json).
          </span>
          <input
            className="nhsuk-file-upload"
            id="import-file"
            name="file"
            type="file"
            accept=".twee,.tw,.json,text/plain,application/json"
            aria-describedby="import-file-hint"
            required
          />
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="import-format">
            Format
          </label>
          <select className="nhsuk-select" id="import-format" name="format" defaultValue="">
            <option value="">Work it out from the file</option>
            <option value="twee">Twine (Twee 3)</option>
            <option value="h5p">H5P Branching Scenario</option>
            <option value="xstate">XState machine JSON</option>
            <option value="json">Webside scenario JSON</option>
          </select>
        </div>
        <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
          Import
        </button>
      </Form>
      {outcome ? <ImportReport report={outcome.report} /> : null}
      <TwineConventions />
    </section>
  );
}

function TwineConventions() {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">How Twine passages and tags are read</span>
      </summary>
      <div className="nhsuk-details__text">
        <ul>
          <li>
            Each passage becomes a node and each link a choice: [[Go]], [[text-&gt;Target]], [[Target&lt;-text]] and
            [[text|Target]] all work.
          </li>
          <li>
            Start a line with <code>@maria:</code> to have Maria say it; the tag <code>speaker:maria</code> makes her
            the passage&apos;s default speaker.
          </li>
          <li>
            Tag endings <code>ending-good</code>, <code>ending-mixed</code> or <code>ending-poor</code>.
          </li>
          <li>
            Tag a passage <code>effect:rapport+2</code> to score every choice that leads to it.
          </li>
        </ul>
      </div>
    </details>
  );
}
