// What every importer returns: a draft scenario (possibly with validation errors) and a report of what did not map.
import type { Scenario } from "../scenario/schema";

export const IMPORT_FORMATS = ["twee", "h5p", "xstate", "json"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ["json", "twee", "xstate"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ImportNote {
  /** error: nothing was imported; warning: something was dropped or guessed; info: a default was filled in. */
  severity: "error" | "warning" | "info";
  /** Where in the source: "line 12", "passage 'Greeting'", "content[3].type", "states.greeting.on.NEXT". */
  where: string;
  message: string;
}

/** A scenario-shaped draft: it may still fail validation (e.g. a link to a missing passage) and is fixed in the editor. */
export type DraftScenario = Scenario;

export interface ImportResult {
  /** Null when the input was rejected; the report's errors say why. */
  draft: DraftScenario | null;
  format: ImportFormat | null;
  report: ImportNote[];
}

export function note(severity: ImportNote["severity"], where: string, message: string): ImportNote {
  return { severity, where, message };
}

/** Thrown inside an importer to reject the whole input with one message; turned into a report by importScenario. */
export class ImportRejected extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}
