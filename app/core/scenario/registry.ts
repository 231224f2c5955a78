// The fixed registry of guards and actions every compiled scenario uses. The scenario file only supplies their
// parameters (plain JSON); it never names a function, so a file cannot reach any code that is not listed here.
import { assign, setup } from "xstate";
import type { Competency } from "../competencies";
import type { AttemptContext, ChoiceEvent } from "./attempt-context";
import { evaluateCondition } from "./conditions";
import type { Condition, Effects } from "./schema";

/** A variable update with the variable's bounds copied in, so the action needs nothing but its parameters. */
export interface BoundedUpdate {
  var: string;
  op: "set" | "add";
  value: number | boolean;
  min?: number;
  max?: number;
}

export interface ApplyChoiceParams {
  nodeId: string;
  choiceId: string;
  effects: Effects;
  set: BoundedUpdate[];
  /** Every choice at the node with its `requires`, to work out which were on offer when the learner chose. */
  offered: Array<{ effects: Effects; requires?: Condition }>;
  feedback: string;
  /** The scenario's assessed competencies: only these are scored. */
  competencies: Competency[];
}

function applyUpdate(variables: Record<string, number | boolean>, update: BoundedUpdate): void {
  const current = Object.hasOwn(variables, update.var) ? variables[update.var] : undefined;
  let next = update.value;
  if (update.op === "add" && typeof current === "number" && typeof update.value === "number")
    next = current + update.value;
  if (typeof next === "number") {
    if (update.min !== undefined) next = Math.max(update.min, next);
    if (update.max !== undefined) next = Math.min(update.max, next);
  }
  variables[update.var] = next;
}

/** The pure heart of a decision: scores, the scoring denominator, variables and the transcript. */
export function applyChoiceTo(context: AttemptContext, params: ApplyChoiceParams): AttemptContext {
  const offered = params.offered.filter((c) => !c.requires || evaluateCondition(c.requires, context));
  const scores = { ...context.scores };
  const possible = { ...context.possible };
  const best: Effects = {};
  const taken: Effects = {};
  for (const competency of params.competencies) {
    const top = Math.max(0, ...offered.map((c) => c.effects[competency] ?? 0));
    const effect = params.effects[competency] ?? 0;
    best[competency] = top;
    taken[competency] = effect;
    scores[competency] = (scores[competency] ?? 0) + effect;
    possible[competency] = (possible[competency] ?? 0) + top;
  }
  const variables = { ...context.variables };
  for (const update of params.set) applyUpdate(variables, update);
  const entry = {
    nodeId: params.nodeId,
    choiceId: params.choiceId,
    effects: taken,
    possible: best,
    feedback: params.feedback,
  };
  return { ...context, scores, possible, variables, transcript: [...context.transcript, entry] };
}

export const attemptMachineSetup = setup({
  types: {
    context: {} as AttemptContext,
    events: {} as ChoiceEvent,
  },
  guards: {
    condition: ({ context }, params: Condition) => evaluateCondition(params, context),
  },
  actions: {
    visit: assign(({ context }, params: { nodeId: string }) => ({ visited: [...context.visited, params.nodeId] })),
    applyChoice: assign(({ context }, params: ApplyChoiceParams) => applyChoiceTo(context, params)),
  },
});
