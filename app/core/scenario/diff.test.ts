import { describe, expect, it } from "vitest";
import { describeDiff, diffScenarios } from "./diff";
import { bundledScenario } from "../interchange/test-fixtures";

const base = bundledScenario("group-physio-shoulder");

describe("diffScenarios", () => {
  it("finds no change between a scenario and a copy with only the version bumped", () => {
    const diff = diffScenarios(base, { ...structuredClone(base), version: base.version + 1 });
    expect(describeDiff(diff)).toEqual([]);
  });

  it("lists nodes and choices added, removed and changed, and changed settings", () => {
    const next = structuredClone(base);
    const start = next.nodes[next.start]!;
    const [first, second] = start.choices!;
    first!.text = `${first!.text} (reworded)`;
    start.choices = [first!, { ...second!, id: "brand-new" }];
    start.lines = [...start.lines, { speaker: "narrator", text: "A new line." }];
    next.nodes["extra-node"] = { lines: [], ending: { outcome: "good", title: "Extra", summary: "Extra ending." } };
    const removed = Object.keys(next.nodes).find(
      (id) => id !== next.start && id !== "extra-node" && next.nodes[id]!.ending,
    )!;
    delete next.nodes[removed];
    next.title = "Renamed";
    const diff = diffScenarios(base, next);
    expect(diff.nodesAdded).toEqual(["extra-node"]);
    expect(diff.nodesRemoved).toEqual([removed]);
    expect(diff.nodesChanged).toEqual([next.start]);
    expect(diff.choicesChanged).toEqual([{ nodeId: next.start, choiceId: first!.id }]);
    expect(diff.choicesAdded).toEqual([{ nodeId: next.start, choiceId: "brand-new" }]);
    expect(diff.choicesRemoved).toContainEqual({ nodeId: next.start, choiceId: second!.id });
    expect(diff.settingsChanged).toEqual(["title"]);
    expect(describeDiff(diff)).toContain("1 node added: 'extra-node'.");
  });

  it("counts everything as added for a first version", () => {
    const diff = diffScenarios(null, base);
    expect(diff.nodesAdded).toEqual(Object.keys(base.nodes));
    expect(diff.settingsChanged).toEqual([]);
  });
});
