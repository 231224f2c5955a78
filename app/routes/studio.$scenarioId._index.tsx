// The scenario editor page: forms, branch graph and checks; save (with conflict detection), publish, archive, export.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, type ShouldRevalidateFunction } from "@remix-run/react";
import xyflowStyles from "@xyflow/react/dist/style.css?url";
import { useCallback, useState } from "react";
import { z } from "zod";
import { refusalText } from "~/components/error-summary";
import { EditorHeader, EditorOutcome, EditorTools } from "~/components/studio/editor-header";
import { DraftRecovery } from "~/components/studio/draft-recovery";
import { PublishPanel } from "~/components/studio/publish-panel";
import { useDraftSaver } from "~/components/studio/use-draft-saver";
import { ScenarioEditor } from "~/components/studio/scenario-editor";
import type { Scenario } from "~/core/scenario";
import studioStyles from "~/styles/studio.scss?url";
import { intent, intents, revision, scenarioDraft } from "~/utils/form-schemas";
import { parseForm } from "~/utils/forms.server";
import { BodyTooLargeError, readFormLimited } from "~/utils/request-body.server";
import {
  DRAFT_FORM_LIMIT,
  editorView,
  publishStudioScenario,
  recoverStudioDraft,
  requireAuthor,
  requireStudioScenario,
  saveStudioDraft,
  setArchived,
} from "~/services/studio.server";

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
  return {
    ...(await editorView(context, record)),
    imported: url.searchParams.get("imported"),
    nodeToOpen: url.searchParams.get("node"),
  };
}

const editorForm = intents([
  z.object({ intent: intent("save"), draft: scenarioDraft, revision }),
  z.object({ intent: intent("publish"), revision }),
  z.object({ intent: z.enum(["restore", "discard"], { error: "Unknown action." }), revision }),
  z.object({ intent: z.enum(["archive", "unarchive"], { error: "Unknown action." }) }),
]);

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireAuthor(request, context);
  const record = await requireStudioScenario(request, context, viewer, params.scenarioId);
  let formData: FormData;
  try {
    formData = await readFormLimited(request, DRAFT_FORM_LIMIT);
  } catch (error) {
    if (!(error instanceof BodyTooLargeError)) throw error;
    const message = "The draft is too large to save (scenarios are limited to 256 KB).";
    return data({ ok: false as const, message }, { status: 413 });
  }
  const form = parseForm(editorForm, formData);
  if (!form.ok) return form.response;
  const input = form.data;
  if (input.intent === "save") {
    const outcome = await saveStudioDraft(context, viewer, record, input.draft, input.revision);
    if (!outcome.ok) return data({ ok: false as const, message: outcome.message }, { status: outcome.status });
    return { ok: true as const, revision: outcome.record.revision, savedAt: outcome.record.updatedAt };
  }
  if (input.intent === "publish") {
    const outcome = await publishStudioScenario(context, viewer, record, input.revision);
    if (!outcome.ok) return data({ ok: false as const, message: outcome.message }, { status: outcome.status });
    return { ok: true as const, published: outcome.version, summary: outcome.summary };
  }
  if (input.intent === "restore" || input.intent === "discard") {
    const outcome = await recoverStudioDraft(context, viewer, record, input.intent, input.revision);
    if (!outcome.ok) return data({ ok: false as const, message: outcome.message }, { status: outcome.status });
    return redirect(`/studio/${record.id}`);
  }
  await setArchived(context, viewer, record, input.intent === "archive");
  return { ok: true as const, archived: input.intent === "archive" };
}

export default function EditScenarioPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!loaded.unreadable) return <EditScenario />;
  return <DraftRecovery {...loaded} failure={result && !result.ok ? refusalText(result) : null} />;
}

function EditScenario() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const { saving, save } = useDraftSaver(loaded.id, loaded.revision);
  const [state, setState] = useState({ draft: loaded.draft as Scenario, dirty: false, revision: loaded.revision });
  const onDraftChange = useCallback(
    (draft: Scenario, dirty: boolean, revision: number) => setState({ draft, dirty, revision }),
    [],
  );
  const published = result?.ok && typeof result.published === "number" ? result : null;
  return (
    <>
      <EditorHeader
        id={loaded.id}
        title={state.draft.title || loaded.id}
        status={loaded.status}
        latestVersion={loaded.latestVersion}
        updatedAt={loaded.updatedAt}
        updatedBy={loaded.updatedBy}
        imported={loaded.imported}
      />
      <EditorOutcome
        published={published ? { version: published.published!, summary: published.summary ?? [] } : null}
        failure={result && !result.ok ? refusalText(result) : null}
      />
      <EditorTools id={loaded.id} />
      <ScenarioEditor
        key={loaded.revision}
        initial={loaded.draft as Scenario}
        revision={loaded.revision}
        nodeToOpen={loaded.nodeToOpen}
        rarelyChosen={loaded.rarelyChosen}
        onDraftChange={onDraftChange}
        onSave={save}
        saving={saving}
      />
      <PublishPanel
        draft={state.draft}
        latest={(loaded.latest as Scenario | null) ?? null}
        latestVersion={loaded.latestVersion}
        status={loaded.status}
        revision={state.revision}
        dirty={state.dirty}
        busy={busy}
      />
    </>
  );
}
