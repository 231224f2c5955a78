// The scenario as a directed graph of nodes: edges, reachability, distances to an ending and strongly connected sets.
import type { Choice, Scenario, ScenarioNode } from "./schema";

/** Every node a choice can lead to: each branch target, then the default `next`. */
export function choiceTargets(choice: Choice): string[] {
  return [...(choice.branches ?? []).map((b) => b.next), choice.next];
}

export function isEnding(node: ScenarioNode): boolean {
  return node.ending !== undefined;
}

/** Existing nodes directly reachable from `nodeId` (targets that do not exist are left out). */
export function successors(scenario: Scenario, nodeId: string): string[] {
  const node = Object.hasOwn(scenario.nodes, nodeId) ? scenario.nodes[nodeId] : undefined;
  const targets = (node?.choices ?? []).flatMap(choiceTargets).filter((t) => Object.hasOwn(scenario.nodes, t));
  return [...new Set(targets)];
}

/** Nodes reachable from the start node, structurally (conditions are not evaluated). */
export function reachableFromStart(scenario: Scenario): Set<string> {
  const seen = new Set<string>();
  if (!Object.hasOwn(scenario.nodes, scenario.start)) return seen;
  const queue = [scenario.start];
  seen.add(scenario.start);
  for (let i = 0; i < queue.length; i += 1) {
    for (const next of successors(scenario, queue[i] as string)) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Fewest choices from each node to any ending (missing for nodes that cannot reach one). */
export function choicesToEnding(scenario: Scenario): Map<string, number> {
  const predecessors = new Map<string, string[]>();
  for (const id of Object.keys(scenario.nodes)) {
    for (const next of successors(scenario, id)) predecessors.set(next, [...(predecessors.get(next) ?? []), id]);
  }
  const distance = new Map<string, number>();
  const queue: string[] = [];
  for (const [id, node] of Object.entries(scenario.nodes)) {
    if (isEnding(node)) {
      distance.set(id, 0);
      queue.push(id);
    }
  }
  for (let i = 0; i < queue.length; i += 1) {
    const id = queue[i] as string;
    for (const previous of predecessors.get(id) ?? []) {
      if (!distance.has(previous)) {
        distance.set(previous, (distance.get(id) ?? 0) + 1);
        queue.push(previous);
      }
    }
  }
  return distance;
}

/** Strongly connected sets among `nodeIds` (Tarjan's algorithm, iterative so large files cannot exhaust the stack). */
export function stronglyConnectedSets(scenario: Scenario, nodeIds: ReadonlySet<string>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const sets: string[][] = [];
  let counter = 0;
  const edges = (id: string) => successors(scenario, id).filter((n) => nodeIds.has(n));

  for (const root of nodeIds) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; next: string[]; at: number }> = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: edges(id), at: 0 });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: string[]; at: number };
      if (frame.at < frame.next.length) {
        const child = frame.next[frame.at] as string;
        frame.at += 1;
        if (!index.has(child)) open(child);
        else if (onStack.has(child)) low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(child) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const set: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          set.push(member);
        } while (member !== frame.id);
        sets.push(set);
      }
    }
  }
  return sets;
}
