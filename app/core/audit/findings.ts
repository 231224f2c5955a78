// The audit's warnings, each with a fix hint: what the studio's Checks panel and `webside audit` show authors.
import { successors } from "../scenario/graph";
import { choiceTargets } from "../scenario/graph";
import { nodeLabel, warning, type ScenarioProblem } from "../scenario/problems";
import type { Scenario } from "../scenario/schema";
import type { AuditReport } from "./report";
import { absoluteWordsIn, choiceValue, LENGTH_CUE_RATIO, type DecisionFigures } from "./length-cues";

/** A choice whose effects sum to this or less harms enough that it should either be critical or never pass. */
export const HARMFUL_EFFECT_SUM = -3;

const HINTS = {
  "length-cue":
    "Give every response similar length and detail: trim the best one to its key move, or make the distractors " +
    "fuller, well-meant mistakes a real clinician makes.",
  "absolute-wording":
    "Absolute words cue test-wise learners. Rephrase in the way a clinician would actually say it, without the absolute.",
  "harmful-not-critical":
    'If this is unsafe care, mark it "critical" with a reason; otherwise make its effects smaller or route it to a ' +
    "mixed or poor ending so the path cannot pass.",
  "critical-reaches-good-ending":
    'Route the critical choice (or the path after it, with a variable and a branch) to a "mixed" or "poor" ending, so ' +
    "the story's ending matches the fail.",
  "audit-threshold":
    "Rewrite responses to similar length and register, and make distractors plausible, well-meant mistakes; " +
    "`npx webside audit` shows the figures.",
} as const;

/** Endings reachable from a node, structurally (conditions not evaluated). */
function endingsFrom(scenario: Scenario, starts: string[]): Set<string> {
  const seen = new Set<string>();
  const queue = starts.filter((s) => Object.hasOwn(scenario.nodes, s));
  for (const s of queue) seen.add(s);
  for (let i = 0; i < queue.length; i += 1) {
    for (const next of successors(scenario, queue[i] as string)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return new Set([...seen].filter((id) => scenario.nodes[id]?.ending));
}

export function auditFindings(
  scenario: Scenario,
  report: Omit<AuditReport, "failures" | "findings">,
  failures: string[],
  onPassingPath: ReadonlySet<string>,
): ScenarioProblem[] {
  return [
    ...failures.map((message) => warning("audit-threshold", message, { hint: HINTS["audit-threshold"] })),
    ...nodeFindings(scenario, report.decisionsDetail, onPassingPath),
  ];
}

/**
 * The node-level warnings: length cues, absolute words and critical-choice checks. Without `onPassingPath` (the paths
 * were too many to list) the check for a harmful choice on a passing path is left out rather than guessed.
 */
export function nodeFindings(
  scenario: Scenario,
  decisions: readonly DecisionFigures[],
  onPassingPath: ReadonlySet<string> | null,
): ScenarioProblem[] {
  const findings: ScenarioProblem[] = [];
  for (const d of decisions) {
    if (d.lengthRatio !== null && d.ratioChoiceId && d.lengthRatio > LENGTH_CUE_RATIO) {
      findings.push(
        warning(
          "length-cue",
          `${nodeLabel(scenario, d.nodeId, d.ratioChoiceId)}: the best response is ${d.lengthRatio.toFixed(1)}x the mean ` +
            `length of the others (more than ${LENGTH_CUE_RATIO}x gives the answer away).`,
          { nodeId: d.nodeId, choiceId: d.ratioChoiceId, hint: HINTS["length-cue"] },
        ),
      );
    }
  }
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    for (const choice of node.choices ?? []) {
      const where = { nodeId, choiceId: choice.id };
      const words = absoluteWordsIn(choice.text);
      if (words.length > 0 && (node.choices?.length ?? 0) > 1) {
        findings.push(
          warning(
            "absolute-wording",
            `${nodeLabel(scenario, nodeId, choice.id)} says ${words.map((w) => `"${w}"`).join(", ")}.`,
            { ...where, hint: HINTS["absolute-wording"] },
          ),
        );
      }
      const key = `${nodeId}/${choice.id}`;
      if (!choice.critical && choiceValue(choice) <= HARMFUL_EFFECT_SUM && onPassingPath?.has(key)) {
        findings.push(
          warning(
            "harmful-not-critical",
            `${nodeLabel(scenario, nodeId, choice.id)} costs ${choiceValue(choice)} in total, is not marked critical, ` +
              `and a path through it still passes.`,
            { ...where, hint: HINTS["harmful-not-critical"] },
          ),
        );
      }
      if (choice.critical) {
        const good = [...endingsFrom(scenario, choiceTargets(choice))].filter(
          (id) => scenario.nodes[id]?.ending?.outcome === "good",
        );
        if (good.length > 0) {
          findings.push(
            warning(
              "critical-reaches-good-ending",
              `${nodeLabel(scenario, nodeId, choice.id)} is critical but can lead to the good ending ` +
                `${good.map((g) => `'${g}'`).join(", ")}.`,
              { ...where, hint: HINTS["critical-reaches-good-ending"] },
            ),
          );
        }
      }
    }
  }
  return findings;
}
