// Scenario -> plain XState JSON: the compiled machine config, plus `description`s and `meta` so nothing is lost.
import { machineConfig, type AttemptMachineConfig } from "../scenario/compile";
import type { Scenario } from "../scenario/schema";

/**
 * createMachine accepts this as is (guards and actions are named with JSON params). Each choice's text is the
 * transition's description, which Stately shows on the edge; `meta.webside` keeps lines, events, endings and the
 * scenario's settings so importing the file back gives the same scenario.
 */
export function exportXState(scenario: Scenario): AttemptMachineConfig & { meta: { webside: unknown } } {
  const config = machineConfig(scenario);
  const { nodes, start: _start, ...settings } = scenario;
  for (const [nodeId, node] of Object.entries(nodes)) {
    const state = config.states[nodeId] as Record<string, unknown> & { on?: Record<string, Record<string, unknown>> };
    for (const choice of node.choices ?? []) {
      const transition = state.on?.[`choose.${choice.id}`];
      if (!transition) continue;
      transition.description = choice.text;
      // The engine needs no `critical` at run time (scoring reads it from the scenario), but a round trip must keep it.
      const action = (transition.actions as { type: string; params: Record<string, unknown> }[] | undefined)?.find(
        (a) => a.type === "applyChoice",
      );
      if (choice.critical && action) action.params = { ...action.params, critical: choice.critical };
    }
    const meta: Record<string, unknown> = { lines: node.lines };
    if (node.title !== undefined) meta.title = node.title;
    if (node.events) meta.events = node.events;
    if (node.ending) meta.ending = node.ending;
    state.meta = { webside: meta };
  }
  return { ...config, meta: { webside: settings } };
}
