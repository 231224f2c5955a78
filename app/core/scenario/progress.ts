// How far through the consultation the learner is, for the practice room's progress bar.
import { choicesToEnding, isEnding } from "./graph";
import type { Scenario } from "./schema";

const distances = new WeakMap<Scenario, Map<string, number>>();

/** Fewest decisions from `nodeId` to any ending; 1 for a node that cannot reach one (validation rejects those). */
export function decisionsLeft(scenario: Scenario, nodeId: string): number {
  let map = distances.get(scenario);
  if (!map) {
    map = choicesToEnding(scenario);
    distances.set(scenario, map);
  }
  return map.get(nodeId) ?? 1;
}

/**
 * The share of the bar filled after walking `visited` (every node entered, in order), 0 to 100.
 *
 * Dividing decisions made by an estimated total goes backwards whenever a choice lands on a longer branch, and
 * reaches 100% on a shortcut before the ending. Instead each step fills its fair share of what is still empty:
 * arriving at a node with L decisions left fills 1/(L+1) of the remaining gap. So the bar only moves forward, is
 * exactly linear along a shortest path, and fills completely only on entering an ending.
 */
export function progressPercent(scenario: Scenario, visited: readonly string[]): number {
  let filled = 0;
  for (const nodeId of visited.slice(1)) {
    const node = Object.hasOwn(scenario.nodes, nodeId) ? scenario.nodes[nodeId] : undefined;
    if (node && isEnding(node)) return 100;
    filled += (1 - filled) / (decisionsLeft(scenario, nodeId) + 1);
  }
  // Rounded down, and held under 100, so the bar never claims the end before an ending is reached.
  return Math.min(99, Math.floor(100 * filled + 1e-9));
}
