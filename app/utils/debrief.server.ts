// Builds a debrief from a finished attempt: scores, the path with feedback, strengths, things to work on.
import { COMPETENCY_INFO, type Competency } from "~/core/competencies";
import { scoreRun, viewOf, type Scenario } from "~/core/scenario";
import type { Attempt } from "~/storage/types";

export function buildDebrief(scenario: Scenario, attempt: Attempt) {
  const score = scoreRun(scenario, attempt.snapshot);
  const view = viewOf(scenario, attempt.snapshot);
  // The snapshot is the record; the stored result is its summary for lists and dashboards.
  const ending = score.endingId ? (scenario.nodes[score.endingId]?.ending ?? null) : null;
  const decisions = view.transcript.map((entry, index) => {
    const node = scenario.nodes[entry.nodeId];
    const chosen = node?.choices?.find((c) => c.id === entry.choiceId);
    return {
      index: index + 1,
      nodeId: entry.nodeId,
      nodeTitle: node?.title ?? null,
      said: node?.lines.filter((l) => l.speaker !== "narrator").at(-1) ?? null,
      choice: chosen?.text ?? entry.choiceId,
      feedback: chosen?.feedback ?? "",
      effects: Object.entries(chosen?.effects ?? {}).map(([c, v]) => ({
        competency: c,
        label: COMPETENCY_INFO[c as Competency]?.label ?? c,
        value: v as number,
      })),
      alternatives: (node?.choices ?? []).filter((c) => c.id !== entry.choiceId).map((c) => c.text),
    };
  });
  const tipsFor = (c: Competency) => ({
    competency: c,
    label: COMPETENCY_INFO[c].label,
    tips: COMPETENCY_INFO[c].tips.slice(0, 2),
    score: score.scores[c] ?? null,
  });
  return {
    passed: score.passed,
    overall: score.overall,
    passMark: scenario.passMark,
    ending: ending ? { outcome: ending.outcome, title: ending.title, summary: ending.summary } : null,
    rows: scenario.competencies.map((c) => ({
      competency: c,
      label: COMPETENCY_INFO[c].label,
      score: score.scores[c] ?? null,
    })),
    strongest: score.strongest.map(tipsFor),
    weakest: score.weakest.map(tipsFor),
    decisions,
  };
}
