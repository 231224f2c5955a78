// Pure edits the editor makes to a draft: add a node or a choice, rename a node (updating every reference), remove one.
import type { Choice, Scenario, ScenarioNode } from "../scenario/schema";
import { FORBIDDEN_KEYS } from "../scenario/raw-json";

/** The first free id of the form `${prefix}-N`. */
export function freeId(taken: Iterable<string>, prefix: string): string {
  const used = new Set(taken);
  for (let n = 1; ; n += 1) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

const copy = (scenario: Scenario): Scenario => structuredClone(scenario);

export function addNode(scenario: Scenario, id?: string): { scenario: Scenario; nodeId: string } {
  const next = copy(scenario);
  const nodeId =
    id && !Object.hasOwn(next.nodes, id) && !FORBIDDEN_KEYS.has(id) ? id : freeId(Object.keys(next.nodes), "node");
  next.nodes[nodeId] = { title: "New moment", lines: [] };
  return { scenario: next, nodeId };
}

/** Adds a choice at `nodeId`, leading to `target` or (when none is given) to a new, empty node. */
export function addChoice(
  scenario: Scenario,
  nodeId: string,
  target?: string,
): { scenario: Scenario; choiceId: string; targetId: string } {
  let next = copy(scenario);
  let targetId = target;
  if (!targetId || !Object.hasOwn(next.nodes, targetId)) {
    const added = addNode(next);
    next = added.scenario;
    targetId = added.nodeId;
  }
  const node = next.nodes[nodeId]!;
  const choices = node.choices ?? [];
  const choiceId = freeId(
    choices.map((c) => c.id),
    "choice",
  );
  const choice: Choice = {
    id: choiceId,
    text: "What the clinician says",
    next: targetId,
    feedback: "Why this helps or harms the consultation.",
  };
  node.choices = [...choices, choice];
  delete node.ending;
  return { scenario: next, choiceId, targetId };
}

/** Renames a node and every reference to it (start, choice targets, branch targets, `visited` conditions). */
export function renameNode(scenario: Scenario, from: string, to: string): Scenario {
  if (
    from === to ||
    !Object.hasOwn(scenario.nodes, from) ||
    Object.hasOwn(scenario.nodes, to) ||
    FORBIDDEN_KEYS.has(to)
  )
    return scenario;
  // Rebuild the node map in the same order, so the graph and file do not reshuffle.
  const text = JSON.stringify(
    {
      ...scenario,
      nodes: Object.fromEntries(Object.entries(scenario.nodes).map(([id, node]) => [id === from ? to : id, node])),
    },
    (key, value: unknown) => ((key === "next" || key === "visited" || key === "start") && value === from ? to : value),
  );
  return JSON.parse(text) as Scenario;
}

export function removeNode(scenario: Scenario, nodeId: string): Scenario {
  const next = copy(scenario);
  delete next.nodes[nodeId];
  return next;
}

export function updateNode(scenario: Scenario, nodeId: string, change: (node: ScenarioNode) => void): Scenario {
  const next = copy(scenario);
  const node = next.nodes[nodeId];
  if (node) change(node);
  return next;
}

/** Makes a loaded draft safe to render: the containers the editor walks exist (the validator still reports gaps). */
export function editableDraft(value: unknown): Scenario {
  const draft = (
    typeof value === "object" && value !== null && !Array.isArray(value) ? structuredClone(value) : {}
  ) as Record<string, unknown>;
  if (typeof draft.nodes !== "object" || draft.nodes === null || Array.isArray(draft.nodes)) draft.nodes = {};
  for (const [key, fallback] of [
    ["cast", []],
    ["objectives", []],
    ["competencies", []],
  ] as const)
    if (!Array.isArray(draft[key])) draft[key] = [...fallback];
  for (const node of Object.values(draft.nodes as Record<string, Record<string, unknown>>)) {
    if (typeof node === "object" && node !== null && !Array.isArray(node.lines)) node.lines = [];
  }
  return draft as unknown as Scenario;
}
