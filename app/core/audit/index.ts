// The item-writing audit of a scenario: length cues, strategy bots, random walks and critical choices, with the
// thresholds CI holds the bundled scenarios to. Shared by `npx webside audit` and the studio's Checks panel.
import type { Scenario } from "../scenario/schema";
import { decisionFigures } from "./length-cues";
import { explorePaths, DEFAULT_MAX_STATES } from "./paths";
import { auditFindings } from "./findings";
import { longestResponse, randomWalks, shortestResponse, walk, type PathCollectors } from "./walks";
import { AUDIT_THRESHOLDS, type AuditOptions, type AuditReport, type BotResult } from "./report";

export { decisionFigures, choiceValue, absoluteWordsIn, LENGTH_CUE_RATIO, type DecisionFigures } from "./length-cues";
export { randomWalks, walk, seededRandom, longestResponse, shortestResponse } from "./walks";
export { explorePaths } from "./paths";
export { draftChecks, DRAFT_CHECK_MAX_STATES, type DraftChecks } from "./draft-checks";
export { AUDIT_THRESHOLDS, type AuditOptions, type AuditReport, type BotResult } from "./report";

const botResult = (scenario: Scenario, pick: typeof longestResponse): BotResult => {
  const result = walk(scenario, pick);
  return { overall: result.overall, passed: result.passed, outcome: result.outcome };
};

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

export function auditScenario(scenario: Scenario, options: AuditOptions = {}): AuditReport {
  const walks = options.walks ?? 10_000;
  const seed = options.seed ?? 1;
  const decisions = decisionFigures(scenario);
  const scored = decisions.filter((d) => d.hasBest);
  const bestIsLongest = scored.filter((d) => d.bestIsLongest).length;
  const bestIsShortest = scored.filter((d) => d.bestIsShortest).length;
  let largest: AuditReport["largestLengthRatio"] = null;
  for (const d of scored) {
    if (d.lengthRatio !== null && d.ratioChoiceId && (!largest || d.lengthRatio > largest.ratio)) {
      largest = { ratio: d.lengthRatio, nodeId: d.nodeId, choiceId: d.ratioChoiceId };
    }
  }
  const collect: PathCollectors = {
    onPassingPath: new Set(),
    onScorePassingPath: new Set(),
    scorePassingWithCritical: 0,
  };
  const random = randomWalks(scenario, walks, seed, collect);
  const explored = explorePaths(scenario, options.maxStates ?? DEFAULT_MAX_STATES);
  const paths: AuditReport["paths"] = explored.exhaustive
    ? {
        exhaustive: true,
        gaveUp: null,
        counted: explored.paths,
        passing: explored.passing,
        passingWithCritical: explored.passingWithCritical,
        heldBackByCritical: explored.scorePassingWithCritical,
      }
    : {
        exhaustive: false,
        gaveUp: explored.gaveUp,
        counted: random.walks,
        passing: random.passed,
        passingWithCritical: random.passedWithCritical,
        heldBackByCritical: collect.scorePassingWithCritical,
      };
  const onPassingPath = explored.exhaustive ? explored.onPassingPath : collect.onPassingPath;
  const criticalChoices = Object.values(scenario.nodes)
    .flatMap((n) => n.choices ?? [])
    .filter((c) => c.critical).length;
  const report: Omit<AuditReport, "failures" | "findings"> = {
    scenarioId: scenario.id,
    version: scenario.version,
    title: scenario.title,
    decisions: decisions.length,
    scoredDecisions: scored.length,
    bestIsLongest,
    bestIsShortest,
    bestIsLongestShare: scored.length === 0 ? 0 : bestIsLongest / scored.length,
    bestIsShortestShare: scored.length === 0 ? 0 : bestIsShortest / scored.length,
    largestLengthRatio: largest,
    longestBot: botResult(scenario, longestResponse),
    shortestBot: botResult(scenario, shortestResponse),
    random,
    paths,
    criticalChoices,
    decisionsDetail: decisions,
  };
  const failures = auditFailures(report);
  return { ...report, failures, findings: auditFindings(scenario, report, failures, onPassingPath) };
}

export function auditFailures(report: Omit<AuditReport, "failures" | "findings">): string[] {
  const t = AUDIT_THRESHOLDS;
  const failures: string[] = [];
  if (report.longestBot.passed)
    failures.push(`Always picking the longest response passes (${report.longestBot.overall}%).`);
  if (report.shortestBot.passed)
    failures.push(`Always picking the shortest response passes (${report.shortestBot.overall}%).`);
  if (report.random.passRate > t.maxRandomPassRate)
    failures.push(
      `Random choices pass ${percent(report.random.passRate)} of the time (at most ${percent(t.maxRandomPassRate)}).`,
    );
  if (report.paths.passingWithCritical > 0)
    failures.push(`${report.paths.passingWithCritical} passing paths contain a critical choice.`);
  if (report.bestIsLongestShare > t.maxBestIsLongestShare)
    failures.push(
      `The best response is the longest at ${report.bestIsLongest} of ${report.scoredDecisions} decisions ` +
        `(${percent(report.bestIsLongestShare)}; at most ${percent(t.maxBestIsLongestShare)}).`,
    );
  return failures;
}
