// Publishing a scenario: what version N+1 would change, why it cannot be published yet, and archiving or restoring.
import { Form } from "@remix-run/react";
import { validateScenario, type Scenario } from "~/core/scenario";
import { describeDiff, diffScenarios } from "~/core/scenario/diff";

export function PublishPanel({
  draft,
  latest,
  latestVersion,
  status,
  revision,
  dirty,
  busy,
}: {
  /** The draft as it is in the editor now. */
  draft: Scenario;
  /** The latest published version, to describe what publishing would change. */
  latest: Scenario | null;
  latestVersion: number | null;
  status: "draft" | "published" | "archived";
  /** The revision the publish is based on, so a colleague's newer save is not published unseen. */
  revision: number;
  dirty: boolean;
  busy: boolean;
}) {
  const next = (latestVersion ?? 0) + 1;
  const errors = validateScenario(draft).problems.filter((p) => p.severity === "error").length;
  const changes = errors === 0 ? describeDiff(diffScenarios(latest, { ...draft, version: next })) : [];
  return (
    <section className="ws-card" aria-labelledby="publish-heading">
      <h2 className="nhsuk-heading-m" id="publish-heading">
        Publish
      </h2>
      <p>
        Publishing makes version {next} available to learners in the catalogue. Attempts already started keep the
        version they began on.
      </p>
      {errors > 0 ? (
        <p>
          Fix the {errors} error{errors === 1 ? "" : "s"} in the checks first.
        </p>
      ) : null}
      {dirty ? <p>Save your changes first.</p> : null}
      {errors === 0 ? (
        <>
          <h3 className="nhsuk-heading-s">
            Changes since {latestVersion ? `version ${latestVersion}` : "nothing (first version)"}
          </h3>
          {changes.length > 0 ? (
            <ul>
              {changes.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          ) : (
            <p>No changes.</p>
          )}
        </>
      ) : null}
      <div className="ws-actions">
        <Form method="post">
          <input type="hidden" name="intent" value="publish" />
          <input type="hidden" name="revision" value={revision} />
          <button type="submit" className="nhsuk-button" disabled={busy || errors > 0 || dirty}>
            Publish version {next}
          </button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value={status === "archived" ? "unarchive" : "archive"} />
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
            {status === "archived" ? "Restore from archive" : "Archive"}
          </button>
        </Form>
      </div>
    </section>
  );
}
