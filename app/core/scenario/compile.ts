// Compiles a validated scenario into an XState v5 machine: one state per node, final states for endings.
import type { SnapshotFrom } from "xstate";
import { initialContext, type AttemptContext } from "./attempt-context";
import { attemptMachineSetup, type ApplyChoiceParams, type BoundedUpdate } from "./registry";
import type { Choice, Condition, Scenario } from "./schema";

interface GuardRef {
  type: "condition";
  params: Condition;
}
interface ActionRef {
  type: "visit" | "applyChoice";
  params: { nodeId: string } | ApplyChoiceParams;
}
interface TransitionConfig {
  target: string;
  reenter?: boolean;
  guard?: GuardRef;
  actions?: ActionRef[];
}
interface StateConfig {
  description?: string;
  type?: "final";
  entry?: ActionRef[];
  on?: Record<string, TransitionConfig>;
  always?: TransitionConfig[];
}

/** Plain JSON (no functions) that `createMachine` accepts as is, and Stately's tools can import. */
export interface AttemptMachineConfig {
  id: string;
  initial: string;
  context: AttemptContext;
  states: Record<string, StateConfig>;
}

/**
 * The state a choice with branches passes through: its eventless transitions pick the first matching branch after the
 * choice's effects apply. The ':' cannot appear in a node id, so the key never clashes with a node.
 */
export function routingStateKey(nodeId: string, choiceId: string): string {
  return `${nodeId}:${choiceId}`;
}

/** The parameters of the one applyChoice action a choice runs; also used by the audit's path explorer. */
export function choiceParams(scenario: Scenario, nodeId: string, choice: Choice, all: Choice[]): ApplyChoiceParams {
  const variables = scenario.variables ?? {};
  const set = (choice.set ?? []).map((u) => {
    const update: BoundedUpdate = { var: u.var, op: u.op, value: u.value };
    const definition = Object.hasOwn(variables, u.var) ? variables[u.var] : undefined;
    if (definition?.type === "number" && definition.min !== undefined) update.min = definition.min;
    if (definition?.type === "number" && definition.max !== undefined) update.max = definition.max;
    return update;
  });
  const params: ApplyChoiceParams = {
    nodeId,
    choiceId: choice.id,
    effects: choice.effects ?? {},
    set,
    offered: all.map((c) =>
      c.requires ? { effects: c.effects ?? {}, requires: c.requires } : { effects: c.effects ?? {} },
    ),
    feedback: choice.feedback,
    competencies: [...scenario.competencies],
  };
  return params;
}

function choiceTransition(scenario: Scenario, nodeId: string, choice: Choice, all: Choice[]): TransitionConfig {
  const params = choiceParams(scenario, nodeId, choice, all);
  const transition: TransitionConfig = {
    target: choice.branches ? routingStateKey(nodeId, choice.id) : choice.next,
    // A choice that leads back to its own node still enters it again, so the path records the repeat.
    reenter: true,
    actions: [{ type: "applyChoice", params }],
  };
  if (choice.requires) transition.guard = { type: "condition", params: choice.requires };
  return transition;
}

export function machineConfig(scenario: Scenario): AttemptMachineConfig {
  const states: Record<string, StateConfig> = {};
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const entry: ActionRef[] = [{ type: "visit", params: { nodeId } }];
    const description = node.title ?? node.ending?.title;
    if (node.ending) {
      states[nodeId] = { ...(description ? { description } : {}), type: "final", entry };
      continue;
    }
    const choices = node.choices ?? [];
    const on: Record<string, TransitionConfig> = {};
    for (const choice of choices) {
      on[`choose.${choice.id}`] = choiceTransition(scenario, nodeId, choice, choices);
      if (choice.branches) {
        states[routingStateKey(nodeId, choice.id)] = {
          always: [
            ...choice.branches.map((b) => ({ target: b.next, guard: { type: "condition" as const, params: b.when } })),
            { target: choice.next },
          ],
        };
      }
    }
    states[nodeId] = { ...(description ? { description } : {}), entry, on };
  }
  return { id: scenario.id, initial: scenario.start, context: initialContext(scenario), states };
}

export function buildMachine(config: AttemptMachineConfig) {
  // The config is data we generated above; XState's types cannot follow event names built from choice ids.
  return attemptMachineSetup.createMachine(
    config as unknown as Parameters<typeof attemptMachineSetup.createMachine>[0],
  );
}

export type AttemptMachine = ReturnType<typeof buildMachine>;
export type AttemptSnapshot = SnapshotFrom<AttemptMachine>;

const compiled = new WeakMap<Scenario, AttemptMachine>();

/** The machine for a validated scenario, compiled once per scenario object. */
export function compileScenario(scenario: Scenario): AttemptMachine {
  let machine = compiled.get(scenario);
  if (!machine) {
    machine = buildMachine(machineConfig(scenario));
    compiled.set(scenario, machine);
  }
  return machine;
}
