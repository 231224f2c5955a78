// Reads a persisted attempt snapshot back into typed state, refusing anything that does not fit the scenario.
import type { AttemptContext } from "./attempt-context";
import type { Scenario, ScenarioNode } from "./schema";

export interface AttemptState {
  nodeId: string;
  node: ScenarioNode;
  context: AttemptContext;
  finished: boolean;
}

export type ReadAttempt = { ok: true; state: AttemptState } | { ok: false; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * The snapshot comes from our own storage, but it may belong to another scenario version or be damaged;
 * a structural check here turns that into a clear message instead of a crash deep inside XState.
 */
export function readAttempt(scenario: Scenario, snapshot: unknown): ReadAttempt {
  if (!isRecord(snapshot)) return { ok: false, message: "The saved attempt is not a snapshot object." };
  const { value, context } = snapshot;
  if (typeof value !== "string" || !Object.hasOwn(scenario.nodes, value)) {
    return {
      ok: false,
      message: `The saved attempt is at '${String(value)}', which is not a node of scenario '${scenario.id}' version ${scenario.version}.`,
    };
  }
  if (
    !isRecord(context) ||
    !isRecord(context.scores) ||
    !isRecord(context.possible) ||
    !isRecord(context.variables) ||
    !Array.isArray(context.transcript) ||
    !Array.isArray(context.visited)
  ) {
    return {
      ok: false,
      message: "The saved attempt's context is incomplete (scores, variables, transcript or path missing).",
    };
  }
  const node = scenario.nodes[value] as ScenarioNode;
  return {
    ok: true,
    state: { nodeId: value, node, context: context as unknown as AttemptContext, finished: node.ending !== undefined },
  };
}

/** Like readAttempt, for callers (views, scoring) where a bad snapshot is a programming error. */
export function requireAttempt(scenario: Scenario, snapshot: unknown): AttemptState {
  const read = readAttempt(scenario, snapshot);
  if (!read.ok) throw new Error(read.message);
  return read.state;
}
