// The authoring studio's editor: who may author, loading an organisation's scenario, saving with conflict detection,
// publishing versions with a change summary, archiving. Creating scenarios is in studio-library.server.ts.
import type { AppLoadContext } from "@remix-run/node";
import { validateScenario, type Scenario } from "~/core/scenario";
import { describeDiff, diffScenarios } from "~/core/scenario/diff";
import { editableDraft } from "~/core/studio/draft-edits";
import { isReadableDraft } from "~/core/studio/draft-envelope";
import { ConflictError } from "~/storage/errors";
import type { StoredScenario } from "~/storage/types";
import { formatDateTime } from "~/utils/format";
import { audit } from "~/services/audit.server";
import { rarelyChosenInPublished } from "~/services/item-statistics.server";
import { blankScenario } from "~/services/studio-library.server";
import { deny, requireRole, type Viewer } from "~/utils/auth.server";

export const STUDIO_ROLES = ["educator", "admin"] as const;
/** Drafts travel as url-encoded JSON, which can be up to three times the 256 KB the scenario itself may be. */
export const DRAFT_FORM_LIMIT = 1024 * 1024;
/** The file itself may be 256 KB; multipart framing adds a little. */
export const UPLOAD_FORM_LIMIT = 256 * 1024 + 16 * 1024;

export function requireAuthor(request: Request, context: AppLoadContext): Promise<Viewer> {
  return requireRole(request, context, ...STUDIO_ROLES);
}

/** The viewer's organisation's scenario; another organisation's (or a missing one) is a 404 that reveals nothing. */
export async function requireStudioScenario(
  request: Request,
  context: AppLoadContext,
  viewer: Viewer,
  id: string | undefined,
): Promise<StoredScenario> {
  const record = id ? await context.store.getScenarioRecord(viewer.org.id, id) : null;
  if (!record) return deny(context, viewer, request, 404, "scenario not in this organisation");
  return record;
}

/** "Alex saved a newer version at 10:42; reload to see their changes." */
export async function conflictMessage(context: AppLoadContext, record: StoredScenario | null): Promise<string> {
  if (!record) return "This scenario no longer exists.";
  const who = (await context.store.getUser(record.updatedBy))?.name ?? "A colleague";
  const at = formatDateTime(record.updatedAt).split(", ").at(-1) ?? record.updatedAt;
  return `${who} saved a newer version at ${at}; reload to see their changes. Nothing was overwritten.`;
}

export type SaveOutcome = { ok: true; record: StoredScenario } | { ok: false; status: 400 | 409; message: string };

export async function saveStudioDraft(
  context: AppLoadContext,
  viewer: Viewer,
  record: StoredScenario,
  /** Already checked at the form boundary to be draft-shaped (the `scenarioDraft` schema). */
  draft: Record<string, unknown>,
  revision: number,
): Promise<SaveOutcome> {
  const report = validateScenario(draft);
  // Saving keeps work even with errors; only data that is not scenario-shaped at all (or unsafe) is refused.
  const unsafe = report.problems.find((p) =>
    ["forbidden-key", "too-deeply-nested", "file-too-large", "not-json"].includes(p.code),
  );
  if (unsafe) return { ok: false, status: 400, message: unsafe.message };
  draft.id = record.id;
  try {
    const saved = await context.store.saveScenarioDraft({
      orgId: viewer.org.id,
      id: record.id,
      expectedRevision: revision,
      draft,
      updatedBy: viewer.user.id,
    });
    return { ok: true, record: saved };
  } catch (error) {
    if (error instanceof ConflictError) return conflictOutcome(context, viewer, record);
    throw error;
  }
}

async function conflictOutcome(context: AppLoadContext, viewer: Viewer, record: StoredScenario) {
  const latest = await context.store.getScenarioRecord(viewer.org.id, record.id);
  return { ok: false as const, status: 409 as const, message: await conflictMessage(context, latest) };
}

/**
 * Replaces a stored draft the editor cannot open (saved before drafts were checked, or edited by hand) with the last
 * published version or a blank start. A draft that opens normally is never replaced this way. Audit-logged.
 */
export async function recoverStudioDraft(
  context: AppLoadContext,
  viewer: Viewer,
  record: StoredScenario,
  how: "restore" | "discard",
  revision: number,
): Promise<SaveOutcome> {
  if (isReadableDraft(record.draft))
    return { ok: false, status: 409, message: "This draft opens normally, so there is nothing to recover." };
  if (record.revision !== revision) return conflictOutcome(context, viewer, record);
  const version = how === "restore" ? await latestVersionOf(context, record) : null;
  if (how === "restore" && !version)
    return { ok: false, status: 400, message: "No version has been published yet, so there is none to restore." };
  const draft = version ?? blankScenario(record.id, "Untitled scenario");
  try {
    const saved = await context.store.saveScenarioDraft({
      orgId: viewer.org.id,
      id: record.id,
      expectedRevision: revision,
      draft,
      updatedBy: viewer.user.id,
    });
    await audit(context, {
      type: "scenario.draft.recover",
      orgId: viewer.org.id,
      actorId: viewer.user.id,
      detail: { scenarioId: record.id, replacedWith: version ? `version ${record.latestVersion}` : "a blank draft" },
    });
    return { ok: true, record: saved };
  } catch (error) {
    if (error instanceof ConflictError) return conflictOutcome(context, viewer, record);
    throw error;
  }
}

/** The latest published content, parsed, to diff against. */
export async function latestVersionOf(context: AppLoadContext, record: StoredScenario): Promise<Scenario | null> {
  if (record.latestVersion === null) return null;
  const version = await context.store.getScenarioVersion(record.orgId, record.id, record.latestVersion);
  return version ? (validateScenario(version.content).scenario ?? null) : null;
}

export type PublishOutcome =
  { ok: true; version: number; summary: string[] } | { ok: false; status: 400 | 409; message: string };

/** Publishes the stored draft as version N+1 if it has no validation errors. */
export async function publishStudioScenario(
  context: AppLoadContext,
  viewer: Viewer,
  record: StoredScenario,
  revision: number,
): Promise<PublishOutcome> {
  if (record.revision !== revision) return { ok: false, status: 409, message: await conflictMessage(context, record) };
  const report = validateScenario(record.draft);
  if (!report.ok || !report.scenario) {
    const count = report.problems.filter((p) => p.severity === "error").length;
    return {
      ok: false,
      status: 400,
      message: `The draft has ${count} error${count === 1 ? "" : "s"}; fix them in the validation panel before publishing.`,
    };
  }
  const version = (record.latestVersion ?? 0) + 1;
  const content: Scenario = { ...report.scenario, id: record.id, version };
  const summary = describeDiff(diffScenarios(await latestVersionOf(context, record), content));
  try {
    const saved = await context.store.saveScenarioDraft({
      orgId: viewer.org.id,
      id: record.id,
      expectedRevision: revision,
      draft: content,
      updatedBy: viewer.user.id,
    });
    await context.store.publishScenarioVersion({
      orgId: viewer.org.id,
      scenarioId: record.id,
      version,
      content,
      publishedBy: viewer.user.id,
      expectedRevision: saved.revision,
    });
  } catch (error) {
    if (error instanceof ConflictError)
      return {
        ok: false,
        status: 409,
        message: await conflictMessage(context, await context.store.getScenarioRecord(viewer.org.id, record.id)),
      };
    throw error;
  }
  await audit(context, {
    type: "scenario.publish",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { scenarioId: record.id, version, changes: summary.join(" ") || "no changes" },
  });
  return { ok: true, version, summary };
}

export async function setArchived(
  context: AppLoadContext,
  viewer: Viewer,
  record: StoredScenario,
  archived: boolean,
): Promise<StoredScenario> {
  const status = archived ? "archived" : record.latestVersion === null ? "draft" : "published";
  const updated = await context.store.setScenarioStatus(viewer.org.id, record.id, status);
  await audit(context, {
    type: archived ? "scenario.archive" : "scenario.unarchive",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { scenarioId: record.id },
  });
  return updated;
}

/** What the editor opens with: the draft made editable, its revision and status, and the version it would follow. */
export async function editorView(context: AppLoadContext, record: StoredScenario) {
  // A draft the editor cannot open is not shown at all: the page offers to recover it instead.
  const unreadable = !isReadableDraft(record.draft);
  const draft = editableDraft(unreadable ? {} : record.draft);
  const latest = await latestVersionOf(context, record);
  return {
    unreadable,
    id: record.id,
    title: typeof draft.title === "string" ? draft.title : record.id,
    draft,
    revision: record.revision,
    status: record.status,
    latestVersion: record.latestVersion,
    latest,
    // The published version's distractors learners almost never choose, for the Checks panel (issue 11).
    rarelyChosen: await rarelyChosenInPublished(context, record.orgId, record.id, latest),
    updatedAt: formatDateTime(record.updatedAt),
    updatedBy: (await context.store.getUser(record.updatedBy))?.name ?? "someone",
  };
}

/** The saved draft, playable if it validates; otherwise the errors that stop it being played. */
export function previewOf(record: StoredScenario) {
  const report = validateScenario(record.draft);
  return {
    id: record.id,
    scenario: report.ok ? (report.scenario ?? null) : null,
    errors: report.problems.filter((p) => p.severity === "error").map((p) => p.message),
  };
}
