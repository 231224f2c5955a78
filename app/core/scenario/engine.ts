// What the server calls to run an attempt: start it, apply one choice to a persisted snapshot, and get the new view.
import { initialTransition, transition } from "xstate";
import { choiceEvent } from "./attempt-context";
import { readAttempt } from "./attempt-state";
import { compileScenario, type AttemptMachine, type AttemptSnapshot } from "./compile";
import type { Scenario } from "./schema";
import { offeredChoices, viewOf, type AttemptView } from "./view";

/** Used when the caller does not set its own cap on the number of choices in one attempt. */
export const DEFAULT_MAX_ITERATIONS = 1_000;

export interface EngineOptions {
  /** The most choices one attempt may make; stops a looping scenario from growing an attempt without end. */
  maxIterations?: number;
  /** The number of choices the page believed had been made; a mismatch means the page was stale. */
  expectedStep?: number;
}

export type ChoiceErrorCode = "illegal-choice" | "finished" | "stale-choice" | "step-limit" | "invalid-snapshot";

export type ChoiceResult =
  { ok: true; snapshot: unknown; view: AttemptView } | { ok: false; code: ChoiceErrorCode; message: string };

/** A detached, JSON-only copy: nothing in storage shares objects with the compiled machine. */
function persist(machine: AttemptMachine, snapshot: AttemptSnapshot): unknown {
  return JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as unknown;
}

export function startRun(scenario: Scenario, _options: EngineOptions = {}): { snapshot: unknown; view: AttemptView } {
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
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const read = readAttempt(scenario, snapshot);
  if (!read.ok) return { ok: false, code: "invalid-snapshot", message: read.message };
  const { nodeId, context, finished } = read.state;
  if (finished)
    return {
      ok: false,
      code: "finished",
      message: "This attempt has already reached an ending; no more choices can be made.",
    };
  if (options.expectedStep !== undefined && options.expectedStep !== context.transcript.length) {
    return {
      ok: false,
      code: "stale-choice",
      message: "The page was out of date: the consultation had already moved on. Reload to see where you are.",
    };
  }
  if (context.transcript.length >= maxIterations) {
    return {
      ok: false,
      code: "step-limit",
      message: `This attempt has reached the limit of ${maxIterations} choices. Start a new attempt.`,
    };
  }
  const offered = offeredChoices(scenario, nodeId, context);
  if (!offered.some((c) => c.id === choiceId)) {
    const ids = offered.map((c) => `'${c.id}'`).join(", ");
    return {
      ok: false,
      code: "illegal-choice",
      message: `Choice '${choiceId}' is not offered at node '${nodeId}'. Offered now: ${ids}.`,
    };
  }

  const machine = compileScenario(scenario);
  const current = machine.resolveState({ value: nodeId, context });
  const [next] = transition(machine, current, choiceEvent(choiceId));
  // The pre-check above and the machine's own guards should agree; if they ever do not, store nothing.
  if (next.context.transcript.length !== context.transcript.length + 1) {
    return {
      ok: false,
      code: "illegal-choice",
      message: `Choice '${choiceId}' could not be taken at node '${nodeId}'.`,
    };
  }
  const persisted = persist(machine, next);
  return { ok: true, snapshot: persisted, view: viewOf(scenario, persisted) };
}
