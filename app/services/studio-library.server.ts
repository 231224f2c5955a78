// The authoring studio's library: the organisation's scenarios and the bundled ones, and creating a draft (blank,
// duplicated from a bundled scenario, or imported from a Twine, H5P, XState or Webside file with its report).
import type { AppLoadContext } from "@remix-run/node";
import { importScenario, slugify, type ImportNote } from "~/core/interchange";
import { validateScenario, type Scenario } from "~/core/scenario";
import { UniqueViolationError } from "~/storage/errors";
import type { ScenarioSourceKind, StoredScenario } from "~/storage/types";
import { audit } from "~/services/audit.server";
import { bundledScenario, isBundledId, listBundledScenarios } from "~/services/catalogue.server";
import type { Viewer } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";

/** A small valid scenario to start from: an opening, one choice and an ending. */
export function blankScenario(id: string, title: string): Scenario {
  return {
    id,
    version: 1,
    title,
    summary: "Say in a sentence or two what the learner rehearses.",
    setting: "one-to-one",
    specialty: "General practice",
    minutes: 10,
    objectives: ["Describe what the learner should be able to do afterwards."],
    competencies: ["rapport"],
    passMark: 70,
    cast: [
      {
        id: "patient",
        name: "Sam Patel",
        role: "patient",
        bio: "Describe the patient: age, situation, how they come across.",
      },
    ],
    start: "opening",
    nodes: {
      opening: {
        title: "Opening",
        lines: [{ speaker: "patient", text: "Hello? Can you see me?" }],
        choices: [
          {
            id: "greet",
            text: "Good morning, yes I can. Thank you for joining.",
            next: "ending",
            effects: { rapport: 1 },
            feedback: "A warm greeting builds rapport.",
          },
        ],
      },
      ending: { lines: [], ending: { outcome: "good", title: "A good start", summary: "The call began warmly." } },
    },
  };
}

/** An id for a new scenario: from the title, unused in this organisation and by any bundled scenario. */
export async function freeScenarioId(context: AppLoadContext, orgId: string, wanted: string): Promise<string> {
  const base = slugify(wanted, "scenario", 56).padEnd(3, "x");
  const taken = new Set((await context.store.listScenarioRecords(orgId)).map((r) => r.id));
  let id = base;
  for (let n = 2; taken.has(id) || isBundledId(id); n += 1) id = `${base}-${n}`;
  return id;
}

/** Creates a draft whose id is free, rewriting the draft's own id to match; audit-logged. */
export async function createStudioScenario(
  context: AppLoadContext,
  viewer: Viewer,
  input: { draft: Scenario; kind: ScenarioSourceKind; detail: string | null },
): Promise<StoredScenario> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const id = await freeScenarioId(context, viewer.org.id, input.draft.id || input.draft.title);
    try {
      const record = await context.store.createScenario({
        orgId: viewer.org.id,
        id,
        draft: { ...input.draft, id, version: 1 },
        createdBy: viewer.user.id,
        source: { kind: input.kind, detail: input.detail },
      });
      await audit(context, {
        type: `scenario.${input.kind === "blank" ? "create" : input.kind === "bundled" ? "duplicate" : "import"}`,
        orgId: viewer.org.id,
        actorId: viewer.user.id,
        detail: { scenarioId: id, source: input.kind, file: input.detail },
      });
      return record;
    } catch (error) {
      // A colleague took the same id a moment ago: pick the next free one.
      if (!(error instanceof UniqueViolationError)) throw error;
    }
  }
  throw new Error("Could not find a free id for the new scenario; try again.");
}

export async function studioLibrary(context: AppLoadContext, orgId: string) {
  const records = await context.store.listScenarioRecords(orgId);
  const mine = records.map((r) => {
    const draft = r.draft as Partial<Scenario> | null;
    const report = validateScenario(r.draft);
    return {
      id: r.id,
      title: typeof draft?.title === "string" ? draft.title : r.id,
      status: r.status,
      latestVersion: r.latestVersion,
      updatedAt: formatDateTime(r.updatedAt),
      errors: report.problems.filter((p) => p.severity === "error").length,
      source: r.source.kind,
    };
  });
  const bundled = listBundledScenarios().map((s) => ({
    id: s.id,
    title: s.title,
    version: s.version,
    summary: s.summary,
  }));
  return { mine, bundled };
}

export type LibraryScenario = Awaited<ReturnType<typeof studioLibrary>>["mine"][number];

/** A blank draft with the given title (or "Untitled scenario"). */
export function createBlankScenario(context: AppLoadContext, viewer: Viewer, title: string): Promise<StoredScenario> {
  return createStudioScenario(context, viewer, {
    draft: blankScenario("", title.trim().slice(0, 120) || "Untitled scenario"),
    kind: "blank",
    detail: null,
  });
}

/** A copy of a bundled scenario for the organisation to adapt; the original stays as it is. 404 if there is none. */
export async function duplicateBundledScenario(
  context: AppLoadContext,
  viewer: Viewer,
  scenarioId: string,
): Promise<StoredScenario> {
  const source = bundledScenario(scenarioId);
  if (!source) throw new Response("Not found", { status: 404 });
  const draft = {
    ...structuredClone(source),
    id: `${source.id}-custom`,
    title: `${source.title} (our version)`.slice(0, 120),
  };
  return createStudioScenario(context, viewer, { draft, kind: "bundled", detail: `${source.id}@${source.version}` });
}

export interface ImportOutcome {
  /** Why nothing was created, or null when a draft was. */
  error: string | null;
  /** Everything that could not be mapped exactly, for the educator to finish by hand. */
  report: ImportNote[];
  filename: string;
  created: { id: string; title: string } | null;
}

/** Imports a file as a new draft; the report says what did not map, whether or not a draft came of it. */
export async function importScenarioFile(
  context: AppLoadContext,
  viewer: Viewer,
  file: File,
  format: string,
): Promise<ImportOutcome> {
  const result = importScenario(new Uint8Array(await file.arrayBuffer()), {
    filename: file.name,
    format: format || undefined,
  });
  if (!result.draft || !result.format) {
    return { error: "The file was not imported.", report: result.report, filename: file.name, created: null };
  }
  const record = await createStudioScenario(context, viewer, {
    draft: result.draft,
    kind: result.format,
    detail: file.name.slice(0, 200),
  });
  return {
    error: null,
    report: result.report,
    filename: file.name,
    created: { id: record.id, title: String(result.draft.title ?? record.id) },
  };
}

/** An upload over the limit is refused unread; the refusal is audit-logged like the imports themselves. */
export async function refuseOversizedImport(context: AppLoadContext, viewer: Viewer): Promise<ImportOutcome> {
  await audit(context, {
    type: "scenario.import.refused",
    orgId: viewer.org.id,
    actorId: viewer.user.id,
    detail: { reason: "too large" },
  });
  return {
    error: "The file is larger than 256 KB, so it was not read. Split the story into smaller scenarios.",
    report: [],
    filename: "",
    created: null,
  };
}
