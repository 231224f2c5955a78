// The one door every uploaded file goes through: size cap, strict UTF-8, format detection, safe JSON, node limit.
import { checkRawValue, lineAndColumn } from "../scenario/raw-json";
import { SCENARIO_LIMITS } from "../scenario/schema";
import { draftEnvelope } from "../studio/draft-envelope";
import { findHiddenCharacters, HIDDEN_CHARACTERS_MESSAGE } from "../text/hidden-characters";
import type { Competency } from "../competencies";
import { importH5p } from "./h5p-import";
import { importTwee } from "./twee-import";
import { ImportRejected, IMPORT_FORMATS, note, type ImportFormat, type ImportResult } from "./types";
import { importXState } from "./xstate-import";

export interface ImportOptions {
  /** Forced format; otherwise taken from the file name's extension, then from the content. */
  format?: string;
  filename?: string;
  /** For H5P, the competency its single score is mapped onto. */
  competency?: Competency;
}

function reject(where: string, message: string): ImportResult {
  return { draft: null, format: null, report: [note("error", where, message)] };
}

/** Decodes strict UTF-8, naming the line of the first bad byte so the author can find it. */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    let good = 0;
    const decoder = new TextDecoder("utf-8", { fatal: true });
    // Binary search for the longest prefix that decodes (a prefix may end inside a character, hence the -3 slack).
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      try {
        decoder.decode(bytes.subarray(0, mid));
        low = mid;
      } catch {
        high = mid - 1;
      }
    }
    good = low;
    const line = new TextDecoder().decode(bytes.subarray(0, good)).split("\n").length;
    throw new ImportRejected(
      `line ${line}`,
      `The file is not valid UTF-8 text (the first bad byte is at byte ${good + 1}, on line ${line}). Save it as UTF-8 and upload it again.`,
    );
  }
}

function formatFrom(options: ImportOptions, text: string, parsed: unknown): ImportFormat {
  if (options.format) {
    if ((IMPORT_FORMATS as readonly string[]).includes(options.format)) return options.format as ImportFormat;
    throw new ImportRejected(
      "format",
      `'${options.format}' is not a format Webside imports. Use one of: ${IMPORT_FORMATS.join(", ")}.`,
    );
  }
  const ext = /\.([a-z0-9]+)$/i.exec(options.filename ?? "")?.[1]?.toLowerCase();
  if (ext === "twee" || ext === "tw" || ext === "tw3") return "twee";
  if (parsed !== undefined && typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
    const record = parsed as Record<string, unknown>;
    if (
      "branchingScenario" in record ||
      (typeof record.params === "object" && record.params !== null && "branchingScenario" in record.params)
    )
      return "h5p";
    if ("nodes" in record && "start" in record) return "json";
    if ("states" in record) return "xstate";
  }
  if (/^\s*::/m.test(text) && parsed === undefined) return "twee";
  throw new ImportRejected(
    "format",
    "Webside cannot tell what kind of file this is. It imports Twine (.twee), H5P Branching Scenario content.json, XState machine JSON and Webside scenario JSON; choose the format if the file is one of these.",
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const position = /position (\d+)/.exec(reason);
    const { line, column } = lineAndColumn(text, position ? Number(position[1]) : text.length);
    throw new ImportRejected(
      `line ${line}, column ${column}`,
      `The file is not valid JSON at line ${line}, column ${column}. Check for a missing comma, quote or bracket just before that point.`,
    );
  }
}

/**
 * An imported draft the editor can open and whose text hides nothing: the same envelope and hidden-character rules a
 * saved draft meets at the form boundary.
 */
function checkedDraft(result: ImportResult): ImportResult {
  const envelope = draftEnvelope.safeParse(result.draft);
  if (!envelope.success) {
    const where = envelope.error.issues[0]?.path.join(".") || "file";
    return reject(where, `The file is not a scenario Webside can open: ${where} does not hold what a scenario holds.`);
  }
  const hidden = findHiddenCharacters(result.draft);
  if (hidden) return reject(hidden, `The file's ${hidden} ${HIDDEN_CHARACTERS_MESSAGE}.`);
  return result;
}

/** Imports an upload: never throws for bad input, and never touches anything outside the returned draft. */
export function importScenario(input: Uint8Array | string, options: ImportOptions = {}): ImportResult {
  try {
    const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
    if (bytes.length > SCENARIO_LIMITS.fileBytes) {
      return reject(
        "file",
        `The file is ${Math.ceil(bytes.length / 1024)} KB; uploads are limited to ${SCENARIO_LIMITS.fileBytes / 1024} KB.`,
      );
    }
    const text = (typeof input === "string" ? input : decode(bytes)).replace(/^\uFEFF/, "");
    const looksJson = /^\s*[[{]/.test(text);
    const wantsTwee = options.format === "twee" || /\.(twee|tw|tw3)$/i.test(options.filename ?? "");
    const parsed = looksJson && !wantsTwee ? parseJson(text) : undefined;
    if (parsed !== undefined) {
      // Forbidden keys and runaway nesting are refused before any importer walks the data.
      const problems = checkRawValue(parsed);
      if (problems.length > 0) return reject(problems[0]!.path ?? "file", problems[0]!.message);
    }
    const format = formatFrom(options, text, parsed);
    if (format !== "twee" && parsed === undefined)
      throw new ImportRejected("file", `A ${format} file must be JSON, but this one does not start with "{".`);
    let result: ImportResult;
    if (format === "twee") result = importTwee(text);
    else if (format === "h5p") result = importH5p(parsed, { competency: options.competency });
    else if (format === "xstate") result = importXState(parsed);
    else result = { draft: parsed as ImportResult["draft"], format: "json", report: [] };
    const nodes =
      result.draft && typeof result.draft.nodes === "object" && result.draft.nodes !== null
        ? Object.keys(result.draft.nodes).length
        : 0;
    if (nodes > SCENARIO_LIMITS.nodes)
      return reject("nodes", `The scenario has ${nodes} nodes; the limit is ${SCENARIO_LIMITS.nodes}.`);
    return result.draft ? checkedDraft(result) : result;
  } catch (error) {
    if (error instanceof ImportRejected) return reject(error.where, error.message);
    // A stack overflow or similar on hostile input is reported, not thrown at the caller.
    return reject("file", `The file could not be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
