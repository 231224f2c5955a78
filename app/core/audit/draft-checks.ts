// The audit's node-level warnings for a draft in the studio's Checks panel: quick enough to run on every edit, so the
// random walks are left to `npx webside audit` and the path search stops early on large scenarios.
import type { ScenarioProblem } from "../scenario/problems";
import type { Scenario } from "../scenario/schema";
import { nodeFindings } from "./findings";
import { decisionFigures } from "./length-cues";
import { explorePaths } from "./paths";
import { rarelyChosenFindings, type RarelyChosenResponse } from "./rarely-chosen";

/** Enough for a small draft's every path; a bundled-size scenario gives up here within tens of milliseconds. */
export const DRAFT_CHECK_MAX_STATES = 500;

export interface DraftChecks {
  findings: ScenarioProblem[];
  /** False when the paths were too many to check here whether a harmful, non-critical choice can still pass. */
  pathsChecked: boolean;
}

/**
 * `rarelyChosen` comes from the published version's item statistics: responses learners almost never choose, which
 * only the organisation's attempts can show (still warned about while the draft has them word for word).
 */
export function draftChecks(
  scenario: Scenario,
  maxStates = DRAFT_CHECK_MAX_STATES,
  rarelyChosen: readonly RarelyChosenResponse[] = [],
): DraftChecks {
  const explored = explorePaths(scenario, maxStates);
  const onPassingPath = explored.exhaustive ? explored.onPassingPath : null;
  return {
    findings: [
      ...nodeFindings(scenario, decisionFigures(scenario), onPassingPath),
      ...rarelyChosenFindings(scenario, rarelyChosen),
    ],
    pathsChecked: explored.exhaustive,
  };
}
