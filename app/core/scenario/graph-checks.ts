// Checks the shape of the scenario's graph: missing targets, dead ends, unreachable nodes and loops with no way out.
import {
  choiceTargets,
  choicesToEnding,
  isEnding,
  reachableFromStart,
  stronglyConnectedSets,
  successors,
} from "./graph";
import { error, nodeLabel, nodeName, type ScenarioProblem } from "./problems";
import { SCENARIO_LIMITS, type Scenario } from "./schema";
import { closestMatch, didYouMean } from "./suggest";

function targetChecks(scenario: Scenario, nodeIds: string[], intended: Set<string>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (!Object.hasOwn(scenario.nodes, scenario.start)) {
    problems.push(
      error(
        "missing-start",
        `The start node '${scenario.start}' does not exist${didYouMean(scenario.start, nodeIds)}. Set "start" to the id of the first node.`,
        { path: "start" },
      ),
    );
  }
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    (node.choices ?? []).forEach((choice, index) => {
      const base = `nodes.${nodeId}.choices[${index}]`;
      const targets = [
        ...(choice.branches ?? []).map((b, i) => ({
          target: b.next,
          path: `${base}.branches[${i}].next`,
          via: ` branch ${i + 1}`,
        })),
        { target: choice.next, path: `${base}.next`, via: "" },
      ];
      for (const { target, path, via } of targets) {
        if (Object.hasOwn(scenario.nodes, target)) continue;
        const match = closestMatch(target, nodeIds);
        if (match !== undefined) intended.add(match);
        problems.push(
          error(
            "missing-target",
            `${nodeLabel(scenario, nodeId, index)}${via} points to '${target}', which does not exist${didYouMean(target, nodeIds)}. Fix the id or add a node called '${target}'.`,
            {
              nodeId,
              choiceId: choice.id,
              path,
            },
          ),
        );
      }
    });
  }
  return problems;
}

function shapeChecks(scenario: Scenario): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (Object.hasOwn(scenario.nodes, scenario.start) && scenario.nodes[scenario.start]?.ending) {
    problems.push(
      error(
        "start-is-ending",
        `The start node ${nodeName(scenario, scenario.start)} is an ending, so the learner makes no choices. Start at the first decision instead.`,
        { nodeId: scenario.start, path: "start" },
      ),
    );
  }
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    const path = `nodes.${nodeId}`;
    if (node.ending && node.choices) {
      problems.push(
        error(
          "ending-with-choices",
          `${nodeLabel(scenario, nodeId)} is an ending but also has choices. Remove the choices, or remove "ending" if the conversation goes on.`,
          { nodeId, path },
        ),
      );
    } else if (!node.ending && !node.choices) {
      problems.push(
        error(
          "dead-end",
          `${nodeLabel(scenario, nodeId)} has no choices and is not an ending, so the learner would be stuck there. Add choices or an "ending".`,
          { nodeId, path },
        ),
      );
    }
  }
  return problems;
}

function reachabilityChecks(scenario: Scenario, intended: ReadonlySet<string>): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const endings = Object.entries(scenario.nodes)
    .filter(([, node]) => isEnding(node))
    .map(([id]) => id);
  if (endings.length === 0) {
    return [
      error(
        "no-ending",
        'The scenario has no ending, so no attempt can finish. Add at least one node with an "ending" (good, mixed or poor).',
        { path: "nodes" },
      ),
    ];
  }
  if (!Object.hasOwn(scenario.nodes, scenario.start)) return problems;

  const reachable = reachableFromStart(scenario);
  for (const [nodeId, node] of Object.entries(scenario.nodes)) {
    if (reachable.has(nodeId)) continue;
    // A node that a mistyped target was meant to reach is explained by the missing-target message already.
    if (intended.has(nodeId)) continue;
    const [code, what] = isEnding(node) ? ["unreachable-ending", "an ending"] : ["unreachable-node", "a node"];
    problems.push(
      error(
        code,
        `${nodeLabel(scenario, nodeId)} is ${what} that no path from the start, ${nodeName(scenario, scenario.start)}, reaches. Point a choice at it, or delete it.`,
        { nodeId, path: `nodes.${nodeId}` },
      ),
    );
  }
  if (!endings.some((id) => reachable.has(id))) {
    problems.push(
      error(
        "no-reachable-ending",
        `No ending can be reached from the start, ${nodeName(scenario, scenario.start)}. Connect the conversation to at least one ending.`,
        { path: "start" },
      ),
    );
  }

  // Nodes the learner can reach but never leave towards an ending. Only a closed loop is reported here:
  // dead ends and missing targets are reported on their own, and fixing them usually fixes the rest.
  const distance = choicesToEnding(scenario);
  const trapped = new Set([...reachable].filter((id) => !distance.has(id)));
  for (const set of stronglyConnectedSets(scenario, trapped)) {
    const first = set[set.length - 1] as string;
    const isLoop = set.length > 1 || successors(scenario, first).includes(first);
    const leaves = set.some((id) => successors(scenario, id).some((next) => !set.includes(next)));
    const hasMissingTarget = set.some((id) =>
      (scenario.nodes[id]?.choices ?? []).flatMap(choiceTargets).some((t) => !Object.hasOwn(scenario.nodes, t)),
    );
    if (!isLoop || leaves || hasMissingTarget) continue;
    const names = set
      .reverse()
      .map((id) => nodeName(scenario, id))
      .join(", ");
    problems.push(
      error(
        "cycle-without-exit",
        `${set.length > 1 ? `Nodes ${names} form a loop` : `${nodeLabel(scenario, first)} only leads back to itself`} with no way out to an ending. Add a choice in ${set.length > 1 ? "one of them" : "it"} that leads towards an ending.`,
        {
          nodeId: first,
          path: `nodes.${first}`,
        },
      ),
    );
  }
  return problems;
}

/** All graph checks. Node count is checked first because the rest assume a bounded graph. */
export function graphChecks(scenario: Scenario): ScenarioProblem[] {
  const nodeIds = Object.keys(scenario.nodes);
  if (nodeIds.length > SCENARIO_LIMITS.nodes) {
    return [
      error(
        "too-many-nodes",
        `The scenario has ${nodeIds.length} nodes; the limit is ${SCENARIO_LIMITS.nodes}. Split it into shorter scenarios.`,
        { path: "nodes" },
      ),
    ];
  }
  const intended = new Set<string>();
  return [
    ...targetChecks(scenario, nodeIds, intended),
    ...shapeChecks(scenario),
    ...reachabilityChecks(scenario, intended),
  ];
}
