// What the editor shows instead of the editor when the saved draft cannot be opened (saved before drafts were
// checked, or changed outside Webside): what happened, that learners are unaffected, and the two ways out.
import { Form } from "@remix-run/react";
import { ErrorSummary } from "~/components/error-summary";

export function DraftRecovery(props: {
  id: string;
  revision: number;
  latestVersion: number | null;
  updatedAt: string;
  updatedBy: string;
  failure: string | null;
}) {
  const { id, revision, latestVersion } = props;
  return (
    <>
      <p className="ws-muted">
        <a href="/studio">Authoring studio</a>
      </p>
      <ErrorSummary errors={[]}>{props.failure ? <p>{props.failure}</p> : null}</ErrorSummary>
      <h1>This draft cannot be opened</h1>
      <p>
        The saved draft of <strong>{id}</strong> (last saved {props.updatedAt} by {props.updatedBy}) is not in a form
        the editor can read, so it cannot be shown or changed.
      </p>
      <p>
        {latestVersion
          ? `Learners are not affected: they play published version ${latestVersion}, which is kept.`
          : "It has never been published, so learners are not affected."}
      </p>
      {latestVersion ? (
        <Form method="post" className="ws-card">
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="revision" value={revision} />
          <p>Replace the unreadable draft with a copy of published version {latestVersion}, then edit from there.</p>
          <button type="submit" className="nhsuk-button">
            Restore version {latestVersion}
          </button>
        </Form>
      ) : null}
      <Form method="post" className="ws-card">
        <input type="hidden" name="intent" value="discard" />
        <input type="hidden" name="revision" value={revision} />
        <p>
          Discard the unreadable draft and start again from a blank one.
          {latestVersion ? " Published versions are kept." : ""}
        </p>
        <button type="submit" className={`nhsuk-button${latestVersion ? " nhsuk-button--secondary" : ""}`}>
          Start again from a blank draft
        </button>
      </Form>
    </>
  );
}
