// The scenario editor page: forms, branch graph and checks; save (with conflict detection), publish, archive, export.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import xyflowStyles from "@xyflow/react/dist/style.css?url";
import { useCallback, useState } from "react";
import { ScenarioEditor } from "~/components/studio/scenario-editor";
import { validateScenario, type Scenario } from "~/core/scenario";
import { describeDiff, diffScenarios } from "~/core/scenario/diff";
import { editableDraft } from "~/core/studio/draft-edits";
import studioStyles from "~/styles/studio.scss?url";
import { formatDateTime } from "~/utils/format";
import { BodyTooLargeError, readFormLimited } from "~/utils/request-body.server";
import {
  DRAFT_FORM_LIMIT,
  latestVersionOf,
  publishStudioScenario,
  requireAuthor,
  requireStudioScenario,
  saveStudioDraft,
  setArchived,
} from "~/utils/studio.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.title ?? "scenario"} | Authoring studio | Webside` },
];
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: xyflowStyles },
  { rel: "stylesheet", href: studioStyles },
];

/** A save answers the editor directly; reloading the page data would only reset the editor's undo history. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "save" ? false : defaultShouldRevalidate;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  const record = await requireStudioScenario(request, context, viewer, params.scenarioId);
  const url = new URL(request.url);
  const draft = editableDraft(record.draft);
  return {
    id: record.id,
    title: typeof draft.title === "string" ? draft.title : record.id,
    draft,
    revision: record.revision,
    status: record.status,
    latestVersion: record.latestVersion,
    latest: await latestVersionOf(context, record),
    updatedAt: formatDateTime(record.updatedAt),
    updatedBy: (await context.store.getUser(record.updatedBy))?.name ?? "someone",
    imported: url.searchParams.get("imported"),
    nodeToOpen: url.searchParams.get("node"),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  const record = await requireStudioScenario(request, context, viewer, params.scenarioId);
  let form: FormData;
  try {
    form = await readFormLimited(request, DRAFT_FORM_LIMIT);
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      return data(
        { ok: false as const, message: "The draft is too large to save (scenarios are limited to 256 KB)." },
        { status: 413 },
      );
    throw error;
  }
  const intent = form.get("intent");
  const revision = Number(form.get("revision"));
  if (intent === "save") {
    const outcome = await saveStudioDraft(context, viewer, record, String(form.get("draft") ?? ""), revision);
    if (!outcome.ok) return data({ ok: false as const, message: outcome.message }, { status: outcome.status });
    return { ok: true as const, revision: outcome.record.revision, savedAt: outcome.record.updatedAt };
  }
  if (intent === "publish") {
    const outcome = await publishStudioScenario(context, viewer, record, revision);
    if (!outcome.ok) return data({ ok: false as const, message: outcome.message }, { status: outcome.status });
    return { ok: true as const, published: outcome.version, summary: outcome.summary };
  }
  if (intent === "archive" || intent === "unarchive") {
    await setArchived(context, viewer, record, intent === "archive");
    return { ok: true as const, archived: intent === "archive" };
  }
  return data({ ok: false as const, message: "Unknown action." }, { status: 400 });
}

export default function EditScenario() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [state, setState] = useState({ draft: loaded.draft as Scenario, dirty: false, revision: loaded.revision });
  const onDraftChange = useCallback(
    (draft: Scenario, dirty: boolean, revision: number) => setState({ draft, dirty, revision }),
    [],
  );
  const errors = validateScenario(state.draft).problems.filter((p) => p.severity === "error").length;
  const changes =
    errors === 0
      ? describeDiff(
          diffScenarios((loaded.latest as Scenario | null) ?? null, {
            ...state.draft,
            version: (loaded.latestVersion ?? 0) + 1,
          }),
        )
      : [];
  const publishedNow = result && result.ok && "published" in result ? result : null;
  const failure = result && !result.ok ? result.message : null;
  return (
    <>
      <p className="ws-muted">
        <a href="/studio">Authoring studio</a>
      </p>
      <h1>{state.draft.title || loaded.id}</h1>
      <p className="ws-muted">
        <span
          className={`ws-tag ${loaded.status === "published" ? "ws-tag--green" : loaded.status === "archived" ? "ws-tag--grey" : "ws-tag--yellow"}`}
        >
          {loaded.status}
        </span>{" "}
        {loaded.latestVersion ? `Published version ${loaded.latestVersion}. ` : "Not published yet. "}Last saved{" "}
        {loaded.updatedAt} by {loaded.updatedBy}.
      </p>
      {loaded.imported ? (
        <div className="ws-notice" role="status">
          Imported from {loaded.imported}. The checks below show what is left to finish.
        </div>
      ) : null}
      {publishedNow ? (
        <div className="ws-notice" role="status">
          <strong>Published version {publishedNow.published}.</strong>{" "}
          {publishedNow.summary && publishedNow.summary.length > 0
            ? publishedNow.summary.join(" ")
            : "No changes from the previous version."}
        </div>
      ) : null}
      {failure ? (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title">Not done</h2>
          <p className="nhsuk-error-summary__body">{failure}</p>
        </div>
      ) : null}
      <nav className="ws-actions ws-editor__links" aria-label="Scenario tools">
        <a href={`/studio/${loaded.id}/preview`}>Preview</a>
        <a href={`/studio/${loaded.id}/analytics`}>Analytics</a>
        <a href={`/studio/${loaded.id}/export?format=json`} download>
          Export JSON
        </a>
        <a href={`/studio/${loaded.id}/export?format=twee`} download>
          Export Twee (Twine)
        </a>
        <a href={`/studio/${loaded.id}/export?format=xstate`} download>
          Export XState
        </a>
      </nav>
      <ScenarioEditor
        key={loaded.revision}
        initial={loaded.draft as Scenario}
        revision={loaded.revision}
        nodeToOpen={loaded.nodeToOpen}
        onDraftChange={onDraftChange}
      />
      <section className="ws-card" aria-labelledby="publish-heading">
        <h2 className="nhsuk-heading-m" id="publish-heading">
          Publish
        </h2>
        <p>
          Publishing makes version {(loaded.latestVersion ?? 0) + 1} available to learners in the catalogue. Attempts
          already started keep the version they began on.
        </p>
        {errors > 0 ? (
          <p>
            Fix the {errors} error{errors === 1 ? "" : "s"} in the checks first.
          </p>
        ) : null}
        {state.dirty ? <p>Save your changes first.</p> : null}
        {errors === 0 ? (
          <>
            <h3 className="nhsuk-heading-s">
              Changes since {loaded.latestVersion ? `version ${loaded.latestVersion}` : "nothing (first version)"}
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
            <input type="hidden" name="revision" value={state.revision} />
            <button type="submit" className="nhsuk-button" disabled={busy || errors > 0 || state.dirty}>
              Publish version {(loaded.latestVersion ?? 0) + 1}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value={loaded.status === "archived" ? "unarchive" : "archive"} />
            <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={busy}>
              {loaded.status === "archived" ? "Restore from archive" : "Archive"}
            </button>
          </Form>
        </div>
      </section>
    </>
  );
}
