// Scores an attempt from its transcript, per the agreed rule: competency percentages, overall, pass/fail, best and worst.
import type { Competency } from "../competencies";
import type { TranscriptEntry } from "./attempt-context";
import { requireAttempt } from "./attempt-state";
import type { Outcome, Scenario } from "./schema";

/** Narrow on `finished`: a finished attempt always has its ending's id and outcome. */
export type RunScore = ScoreFigures &
  ({ finished: true; endingId: string; outcome: Outcome } | { finished: false; endingId: null; outcome: null });

interface ScoreFigures {
  /** Percentage 0..100 per assessed competency; null when the path taken offered no chance to score it. */
  scores: Partial<Record<Competency, number | null>>;
  /** Mean of the non-null percentages, rounded to a whole percent (0 if none). */
  overall: number;
  /** overall >= passMark and the ending is not "poor"; an unfinished attempt has not passed. */
  passed: boolean;
  /** Up to 3 best competencies, best first (never one scored 0). */
  strongest: Competency[];
  /** Up to 3 competencies to work on, weakest first (never one scored 100, never one listed as strongest). */
  weakest: Competency[];
}

export function competencyPercentages(
  competencies: readonly Competency[],
  transcript: readonly TranscriptEntry[],
): Partial<Record<Competency, number | null>> {
  const scores: Partial<Record<Competency, number | null>> = {};
  for (const competency of competencies) {
    let achieved = 0;
    let possible = 0;
    for (const entry of transcript) {
      achieved += entry.effects[competency] ?? 0;
      possible += entry.possible[competency] ?? 0;
    }
    scores[competency] = possible === 0 ? null : Math.min(100, Math.max(0, Math.round((100 * achieved) / possible)));
  }
  return scores;
}

/**
 * Splits the scored competencies into strongest and weakest without overlap: with few competencies the top half
 * goes to "strongest", so a learner with three never sees the same one praised and flagged.
 */
export function strongestAndWeakest(
  competencies: readonly Competency[],
  scores: Partial<Record<Competency, number | null>>,
) {
  const scored = competencies
    .map((c, order) => ({ c, order, pct: scores[c] }))
    .filter((s): s is { c: Competency; order: number; pct: number } => typeof s.pct === "number");
  const best = [...scored].sort((a, b) => b.pct - a.pct || a.order - b.order);
  const strongestCount = Math.min(3, Math.ceil(best.length / 2));
  const strongest = best
    .slice(0, strongestCount)
    .filter((s) => s.pct > 0)
    .map((s) => s.c);
  const weakest = [...best.slice(strongestCount)]
    .reverse()
    .filter((s) => s.pct < 100)
    .slice(0, 3)
    .map((s) => s.c);
  return { strongest, weakest };
}

export function scoreRun(scenario: Scenario, snapshot: unknown): RunScore {
  const { nodeId, node, context, finished } = requireAttempt(scenario, snapshot);
  const competencies = [...new Set(scenario.competencies)];
  const scores = competencyPercentages(competencies, context.transcript);
  const values = Object.values(scores).filter((v): v is number => typeof v === "number");
  const overall = values.length === 0 ? 0 : Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
  const figures = { scores, overall, ...strongestAndWeakest(competencies, scores) };
  if (!finished || !node.ending) return { ...figures, finished: false, endingId: null, outcome: null, passed: false };
  const outcome = node.ending.outcome;
  return {
    ...figures,
    finished: true,
    endingId: nodeId,
    outcome,
    passed: outcome !== "poor" && overall >= scenario.passMark,
  };
}
