// Scores an attempt from its transcript, per the agreed rule: competency percentages, overall, pass/fail, best and worst.
import type { Competency } from "../competencies";
import type { TranscriptEntry } from "./attempt-context";
import { requireAttempt } from "./attempt-state";
import type { Outcome, Scenario } from "./schema";

/** Narrow on `finished`: a finished attempt always has its ending's id and outcome. */
export type RunScore = ScoreFigures &
  ({ finished: true; endingId: string; outcome: Outcome } | { finished: false; endingId: null; outcome: null });

export interface CriticalError {
  /** 1 for the first decision. */
  step: number;
  nodeId: string;
  choiceId: string;
  choiceText: string;
  reason: string;
}

/** The critical choices in a transcript, looked up in the scenario version the attempt is pinned to. */
export function criticalErrorsIn(scenario: Scenario, transcript: readonly TranscriptEntry[]): CriticalError[] {
  const errors: CriticalError[] = [];
  transcript.forEach((entry, index) => {
    const node = Object.hasOwn(scenario.nodes, entry.nodeId) ? scenario.nodes[entry.nodeId] : undefined;
    const choice = node?.choices?.find((c) => c.id === entry.choiceId);
    if (choice?.critical) {
      errors.push({
        step: index + 1,
        nodeId: entry.nodeId,
        choiceId: choice.id,
        choiceText: choice.text,
        reason: choice.critical.reason,
      });
    }
  });
  return errors;
}

interface ScoreFigures {
  /** Percentage 0..100 per assessed competency; null when the path taken offered no chance to score it. */
  scores: Partial<Record<Competency, number | null>>;
  /** Mean of the non-null percentages, rounded to a whole percent (0 if none). */
  overall: number;
  /** overall >= passMark, the ending is not "poor" and no critical choice was taken; an unfinished attempt has not passed. */
  passed: boolean;
  /** The critical choices taken, in the order taken: any one fails the attempt whatever the score (ADR 0018). */
  criticalErrors: CriticalError[];
  /** Up to 3 best competencies, best first (never one scored 0). */
  strongest: Competency[];
  /** Up to 3 competencies to work on, weakest first (never one scored 100, never one listed as strongest). */
  weakest: Competency[];
}

export function competencyPercentages(
  competencies: readonly Competency[],
  transcript: readonly TranscriptEntry[],
): Partial<Record<Competency, number | null>> {
  const achieved: Partial<Record<Competency, number>> = {};
  const possible: Partial<Record<Competency, number>> = {};
  for (const competency of competencies) {
    achieved[competency] = 0;
    possible[competency] = 0;
    for (const entry of transcript) {
      achieved[competency] += entry.effects[competency] ?? 0;
      possible[competency] += entry.possible[competency] ?? 0;
    }
  }
  return percentagesFromSums(competencies, achieved, possible);
}

/** The percentage rule on running sums (what an attempt's context keeps), so the audit can score without transcripts. */
export function percentagesFromSums(
  competencies: readonly Competency[],
  achieved: Partial<Record<Competency, number>>,
  possible: Partial<Record<Competency, number>>,
): Partial<Record<Competency, number | null>> {
  const scores: Partial<Record<Competency, number | null>> = {};
  for (const competency of competencies) {
    const got = achieved[competency] ?? 0;
    const max = possible[competency] ?? 0;
    scores[competency] = max === 0 ? null : Math.min(100, Math.max(0, Math.round((100 * got) / max)));
  }
  return scores;
}

/** Mean of the assessed percentages, rounded to a whole percent (0 if none). */
export function overallOf(scores: Partial<Record<Competency, number | null>>): number {
  const values = Object.values(scores).filter((v): v is number => typeof v === "number");
  return values.length === 0 ? 0 : Math.round(values.reduce((sum, v) => sum + v, 0) / values.length);
}

/** The pass rule: the pass mark reached, an ending that is not "poor", and no critical choice taken. */
export function passes(scenario: Scenario, outcome: Outcome, overall: number, criticalErrors: number): boolean {
  return outcome !== "poor" && overall >= scenario.passMark && criticalErrors === 0;
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
  const overall = overallOf(scores);
  const criticalErrors = criticalErrorsIn(scenario, context.transcript);
  const figures = { scores, overall, criticalErrors, ...strongestAndWeakest(competencies, scores) };
  if (!finished || !node.ending) return { ...figures, finished: false, endingId: null, outcome: null, passed: false };
  const outcome = node.ending.outcome;
  return {
    ...figures,
    finished: true,
    endingId: nodeId,
    outcome,
    passed: passes(scenario, outcome, overall, criticalErrors.length),
  };
}
