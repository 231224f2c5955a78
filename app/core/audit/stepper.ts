// Plays a scenario without XState, using the engine's own pure pieces (applyChoiceTo, conditions, the scoring rule),
// so the audit can walk tens of thousands of paths quickly. stepper.test.ts checks it agrees with the real engine.
import { initialContext, type AttemptContext } from "../scenario/attempt-context";
import { choiceParams } from "../scenario/compile";
import { evaluateCondition } from "../scenario/conditions";
import { applyChoiceTo } from "../scenario/registry";
import type { Choice, Outcome, Scenario } from "../scenario/schema";
import { overallOf, passes, percentagesFromSums } from "../scenario/scoring";
import { offeredChoices } from "../scenario/view";

export interface WalkState {
  nodeId: string;
  context: AttemptContext;
  /** How many critical choices this path has taken. */
  critical: number;
}

export type WalkVerdict =
  | { finished: true; outcome: Outcome; overall: number; passed: boolean; critical: number }
  | { finished: false; outcome: null; overall: number; passed: false; critical: number };

export function startState(scenario: Scenario): WalkState {
  const context = initialContext(scenario);
  return { nodeId: scenario.start, context: { ...context, visited: [scenario.start] }, critical: 0 };
}

export function choicesAt(scenario: Scenario, state: WalkState): Choice[] {
  const node = scenario.nodes[state.nodeId];
  if (!node || node.ending) return [];
  return offeredChoices(scenario, state.nodeId, state.context);
}

/**
 * Applies one choice exactly as the compiled machine does: effects and `set` first, then the first branch whose
 * condition holds (else `next`), then the target is recorded as visited. `keepTranscript: false` drops the
 * transcript, which nothing on the path needs, to keep the explorer's states small.
 */
export function takeChoice(scenario: Scenario, state: WalkState, choice: Choice, keepTranscript = true): WalkState {
  const all = scenario.nodes[state.nodeId]?.choices ?? [];
  const applied = applyChoiceTo(state.context, choiceParams(scenario, state.nodeId, choice, all));
  const branch = (choice.branches ?? []).find((b) => evaluateCondition(b.when, applied));
  const next = branch ? branch.next : choice.next;
  return {
    nodeId: next,
    context: { ...applied, transcript: keepTranscript ? applied.transcript : [], visited: [...applied.visited, next] },
    critical: state.critical + (choice.critical ? 1 : 0),
  };
}

export function verdictOf(scenario: Scenario, state: WalkState): WalkVerdict {
  const competencies = [...new Set(scenario.competencies)];
  const overall = overallOf(percentagesFromSums(competencies, state.context.scores, state.context.possible));
  const ending = scenario.nodes[state.nodeId]?.ending;
  if (!ending) return { finished: false, outcome: null, overall, passed: false, critical: state.critical };
  const passed = passes(scenario, ending.outcome, overall, state.critical);
  return { finished: true, outcome: ending.outcome, overall, passed, critical: state.critical };
}

/** Would this path pass if critical choices did not fail it? (How a critical choice is caught slipping through.) */
export function passesOnScore(scenario: Scenario, verdict: WalkVerdict): boolean {
  return verdict.finished && passes(scenario, verdict.outcome, verdict.overall, 0);
}
