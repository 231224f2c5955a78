// The change summary between two versions of a scenario: nodes and choices added, removed or changed, and settings.
import type { Scenario } from "./schema";

export interface ScenarioDiff {
  nodesAdded: string[];
  nodesRemoved: string[];
  /** Nodes present in both whose own content (title, lines, events, ending) changed. */
  nodesChanged: string[];
  choicesAdded: Array<{ nodeId: string; choiceId: string }>;
  choicesRemoved: Array<{ nodeId: string; choiceId: string }>;
  choicesChanged: Array<{ nodeId: string; choiceId: string }>;
  /** Top-level fields that differ, e.g. "title", "cast", "passMark" (never "version" or "nodes"). */
  settingsChanged: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares `after` with `before`; with no previous version everything in `after` counts as added. */
export function diffScenarios(before: Scenario | null, after: Scenario): ScenarioDiff {
  const diff: ScenarioDiff = {
    nodesAdded: [],
    nodesRemoved: [],
    nodesChanged: [],
    choicesAdded: [],
    choicesRemoved: [],
    choicesChanged: [],
    settingsChanged: [],
  };
  const old = before?.nodes ?? {};
  for (const [nodeId, node] of Object.entries(after.nodes)) {
    const previous = Object.hasOwn(old, nodeId) ? old[nodeId] : undefined;
    if (!previous) {
      diff.nodesAdded.push(nodeId);
      for (const choice of node.choices ?? []) diff.choicesAdded.push({ nodeId, choiceId: choice.id });
      continue;
    }
    const { choices: _a, ...content } = node;
    const { choices: _b, ...previousContent } = previous;
    if (!same(content, previousContent)) diff.nodesChanged.push(nodeId);
    const earlier = new Map((previous.choices ?? []).map((c) => [c.id, c]));
    for (const choice of node.choices ?? []) {
      const was = earlier.get(choice.id);
      if (!was) diff.choicesAdded.push({ nodeId, choiceId: choice.id });
      else if (!same(was, choice)) diff.choicesChanged.push({ nodeId, choiceId: choice.id });
      earlier.delete(choice.id);
    }
    for (const choiceId of earlier.keys()) diff.choicesRemoved.push({ nodeId, choiceId });
  }
  for (const [nodeId, node] of Object.entries(old)) {
    if (Object.hasOwn(after.nodes, nodeId)) continue;
    diff.nodesRemoved.push(nodeId);
    for (const choice of node.choices ?? []) diff.choicesRemoved.push({ nodeId, choiceId: choice.id });
  }
  if (before) {
    const keys = new Set(
      [...Object.keys(before), ...Object.keys(after)].filter(
        (k) => k !== "version" && k !== "nodes" && k !== "$schema",
      ),
    );
    for (const key of keys)
      if (!same((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key]))
        diff.settingsChanged.push(key);
  }
  return diff;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One sentence per kind of change, for the publish page and the audit log; empty when nothing changed. */
export function describeDiff(diff: ScenarioDiff): string[] {
  const out: string[] = [];
  const list = (ids: string[]) => ids.map((id) => `'${id}'`).join(", ");
  const choices = (items: Array<{ nodeId: string; choiceId: string }>) =>
    items.map((c) => `'${c.nodeId}/${c.choiceId}'`).join(", ");
  if (diff.nodesAdded.length) out.push(`${plural(diff.nodesAdded.length, "node")} added: ${list(diff.nodesAdded)}.`);
  if (diff.nodesRemoved.length)
    out.push(`${plural(diff.nodesRemoved.length, "node")} removed: ${list(diff.nodesRemoved)}.`);
  if (diff.nodesChanged.length)
    out.push(`${plural(diff.nodesChanged.length, "node")} changed: ${list(diff.nodesChanged)}.`);
  if (diff.choicesAdded.length)
    out.push(`${plural(diff.choicesAdded.length, "choice")} added: ${choices(diff.choicesAdded)}.`);
  if (diff.choicesRemoved.length)
    out.push(`${plural(diff.choicesRemoved.length, "choice")} removed: ${choices(diff.choicesRemoved)}.`);
  if (diff.choicesChanged.length)
    out.push(`${plural(diff.choicesChanged.length, "choice")} changed: ${choices(diff.choicesChanged)}.`);
  if (diff.settingsChanged.length) out.push(`Settings changed: ${diff.settingsChanged.join(", ")}.`);
  return out;
}
