// Interchange: import Twine (Twee 3), H5P Branching Scenario and XState JSON; export scenario JSON, Twee 3 and XState JSON.
import type { Scenario } from "../scenario/schema";
import { exportTwee } from "./twee-export";
import type { ExportFormat } from "./types";
import { exportXState } from "./xstate-export";

export { importScenario, type ImportOptions } from "./upload";
export { importTwee } from "./twee-import";
export { importH5p, type H5pOptions } from "./h5p-import";
export { importXState } from "./xstate-import";
export { exportTwee } from "./twee-export";
export { exportXState } from "./xstate-export";
export { parseTwee, parseLink, type Passage, type TweeLink } from "./twee-parse";
export { slugify } from "./draft";
export {
  IMPORT_FORMATS,
  EXPORT_FORMATS,
  type ImportFormat,
  type ExportFormat,
  type ImportNote,
  type ImportResult,
  type DraftScenario,
} from "./types";

/** A valid scenario as text in the chosen format, with the file extension and media type to download it as. */
export function exportScenario(
  scenario: Scenario,
  format: ExportFormat,
): { text: string; extension: string; mediaType: string } {
  if (format === "twee")
    return { text: exportTwee(scenario), extension: "twee", mediaType: "text/plain; charset=utf-8" };
  if (format === "xstate")
    return {
      text: `${JSON.stringify(exportXState(scenario), null, 2)}\n`,
      extension: "machine.json",
      mediaType: "application/json",
    };
  return { text: `${JSON.stringify(scenario, null, 2)}\n`, extension: "json", mediaType: "application/json" };
}
