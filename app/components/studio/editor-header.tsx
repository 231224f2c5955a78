// The top of the scenario editor: title, status, who saved last, where it was imported from, what the last publish
// or archive did, and the scenario tools.
import { ErrorSummary } from "~/components/error-summary";

const STATUS_TAG = { draft: "ws-tag--yellow", published: "ws-tag--green", archived: "ws-tag--grey" } as const;
const EXPORT_LABEL = { json: "Export JSON", twee: "Export Twee (Twine)", xstate: "Export XState" } as const;

export function EditorHeader(props: {
  id: string;
  title: string;
  status: keyof typeof STATUS_TAG;
  latestVersion: number | null;
  updatedAt: string;
  updatedBy: string;
  imported: string | null;
}) {
  return (
    <>
      <p className="ws-muted">
        <a href="/studio">Authoring studio</a>
      </p>
      <h1>{props.title}</h1>
      <p className="ws-muted">
        <span className={`ws-tag ${STATUS_TAG[props.status]}`}>{props.status}</span>{" "}
        {props.latestVersion ? `Published version ${props.latestVersion}. ` : "Not published yet. "}Last saved{" "}
        {props.updatedAt} by {props.updatedBy}.
      </p>
      {props.imported ? (
        <div className="ws-notice" role="status">
          Imported from {props.imported}. The checks below show what is left to finish.
        </div>
      ) : null}
    </>
  );
}

export function EditorTools({ id }: { id: string }) {
  return (
    <nav className="ws-actions ws-editor__links" aria-label="Scenario tools">
      <a href={`/studio/${id}/preview`}>Preview</a>
      <a href={`/studio/${id}/analytics`}>Analytics</a>
      {(["json", "twee", "xstate"] as const).map((format) => (
        <a key={format} href={`/studio/${id}/export?format=${format}`} download>
          {EXPORT_LABEL[format]}
        </a>
      ))}
    </nav>
  );
}

export function EditorOutcome({
  published,
  failure,
}: {
  published: { version: number; summary: string[] } | null;
  failure: string | null;
}) {
  return (
    <>
      {published ? (
        <div className="ws-notice" role="status">
          <strong>Published version {published.version}.</strong>{" "}
          {published.summary.length > 0 ? published.summary.join(" ") : "No changes from the previous version."}
        </div>
      ) : null}
      {failure ? (
        <ErrorSummary errors={[]} title="Not done">
          <p>{failure}</p>
        </ErrorSummary>
      ) : null}
    </>
  );
}
