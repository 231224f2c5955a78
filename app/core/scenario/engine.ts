// What the server calls to run an attempt: start it, apply one choice to a persisted snapshot, and get the new view.
import { initialTransition, transition } from "xstate";
import { choiceEvent } from "./attempt-context";
import { readAttempt } from "./attempt-state";
import { compileScenario, type AttemptMachine, type AttemptSnapshot } from "./compile";
import type { Scenario } from "./schema";
import { offeredChoices, viewOf, type AttemptView } from "./view";

/**
 * The most choices one attempt may make: a runaway-loop guard, so a scenario that loops cannot grow an attempt
 * without end. Set here by the server's code, never by a scenario file.
 */
export const MAX_ITERATIONS = 1_000;

export interface EngineOptions {
  /** A lower cap than MAX_ITERATIONS (tests use a small one to reach it quickly). */
  maxIterations?: number;
}

export type ChoiceErrorCode = "illegal-choice" | "finished" | "step-limit" | "invalid-snapshot";

export type ChoiceResult =
  { ok: true; snapshot: unknown; view: AttemptView } | { ok: false; code: ChoiceErrorCode; message: string };

/** A detached, JSON-only copy: nothing in storage shares objects with the compiled machine. */
function persist(machine: AttemptMachine, snapshot: AttemptSnapshot): unknown {
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as unknown;
}

export function startRun(scenario: Scenario): { snapshot: unknown; view: AttemptView } {
  const machine = compileScenario(scenario);
  const [initial] = initialTransition(machine);
  const snapshot = persist(machine, initial);
  return { snapshot, view: viewOf(scenario, snapshot) };
}

export function applyChoice(
  scenario: Scenario,
  snapshot: unknown,
  choiceId: string,
  options: EngineOptions = {},
): ChoiceResult {
  const maxIterations = options.maxIterations ?? MAX_ITERATIONS;
  const read = readAttempt(scenario, snapshot);
  if (!read.ok) return { ok: false, code: "invalid-snapshot", message: read.message };
  const { nodeId, context, finished } = read.state;
  if (finished)
    return {
      ok: false,
      code: "finished",
      message: "This attempt has already reached an ending; no more choices can be made.",
    };
  if (context.transcript.length >= maxIterations) {
    return {
      ok: false,
      code: "step-limit",
      message: `This attempt has reached the limit of ${maxIterations} choices. Start a new attempt.`,
    };
  }
  const machine = compileScenario(scenario);
  const current = machine.resolveState({ value: nodeId, context });
  const event = choiceEvent(choiceId);
  // The machine's own transitions and guards (a choice's `requires`) decide what may be chosen here.
  if (!current.can(event)) {
    const ids = offeredChoices(scenario, nodeId, context)
      .map((c) => `'${c.id}'`)
      .join(", ");
    return {
      ok: false,
      code: "illegal-choice",
      message: `Choice '${choiceId}' is not offered at node '${nodeId}'. Offered now: ${ids}.`,
    };
  }
  const [next] = transition(machine, current, event);
  const persisted = persist(machine, next);
  return { ok: true, snapshot: persisted, view: viewOf(scenario, persisted) };
}
