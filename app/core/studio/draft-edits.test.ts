import { describe, expect, it } from "vitest";
import { validateScenario } from "../scenario/validate";
import { addChoice, addNode, editableDraft, renameNode } from "./draft-edits";
import type { Scenario } from "../scenario/schema";

const base: Scenario = {
  id: "tiny",
  version: 1,
  title: "Tiny",
  summary: "Tiny.",
  setting: "one-to-one",
  specialty: "GP",
  minutes: 5,
  objectives: ["x"],
  competencies: ["rapport"],
  passMark: 50,
  cast: [{ id: "pat", name: "Pat", role: "patient", bio: "Pat." }],
  start: "a",
  nodes: {
    a: {
      lines: [],
      choices: [
        {
          id: "go",
          text: "Go",
          next: "b",
          effects: { rapport: 1 },
          feedback: "Fine.",
          requires: { not: { visited: "b" } },
        },
      ],
    },
    b: { lines: [], ending: { outcome: "good", title: "End", summary: "Done." } },
  },
};

describe("draft edits", () => {
  it("adds a choice to a new empty node, which the validator reports as a dead end", () => {
    const { scenario, targetId } = addChoice(base, "a");
    expect(scenario.nodes.a!.choices!.map((c) => c.next)).toEqual(["b", targetId]);
    expect(validateScenario(scenario).problems.some((p) => p.code === "dead-end" && p.nodeId === targetId)).toBe(true);
    expect(base.nodes.a!.choices).toHaveLength(1);
  });

  it("adds a node with a free id and never a forbidden one", () => {
    expect(addNode(base).nodeId).toBe("node-1");
    expect(addNode(base, "constructor").nodeId).toBe("node-1");
    expect(addNode(base, "a").nodeId).toBe("node-1");
  });

  it("renames a node and every reference to it", () => {
    const renamed = renameNode(base, "b", "closing");
    expect(Object.keys(renamed.nodes)).toEqual(["a", "closing"]);
    expect(renamed.nodes.a!.choices![0]!.next).toBe("closing");
    expect(renamed.nodes.a!.choices![0]!.requires).toEqual({ not: { visited: "closing" } });
    expect(renameNode(base, "a", "b")).toBe(base);
  });

  it("makes any stored value safe to render", () => {
    expect(editableDraft(null)).toMatchObject({ nodes: {}, cast: [] });
    expect(editableDraft({ nodes: { x: {} } }).nodes.x!.lines).toEqual([]);
  });
});
