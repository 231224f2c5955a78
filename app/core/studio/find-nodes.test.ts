import { describe, expect, it } from "vitest";
import { findNodes, MOST_MATCHES } from "./find-nodes";
import type { GraphNode } from "./graph-model";

const node = (id: string, label: string): GraphNode => ({ id, label, kind: "step", kindLabel: "", errors: 0 });
const nodes = [
  node("opening", "Opening"),
  node("ask-plan", "Safety plan"),
  node("plan-b", "Plan together"),
  node("cafe", "Café call"),
];

describe("findNodes", () => {
  it("finds nothing for empty text", () => {
    expect(findNodes(nodes, "  ")).toEqual([]);
  });

  it("matches titles and ids, titles starting with the text first", () => {
    expect(findNodes(nodes, "plan").map((n) => n.id)).toEqual(["plan-b", "ask-plan"]);
    expect(findNodes(nodes, "ask").map((n) => n.id)).toEqual(["ask-plan"]);
  });

  it("ignores case and accents and needs every word", () => {
    expect(findNodes(nodes, "CAFE").map((n) => n.id)).toEqual(["cafe"]);
    expect(findNodes(nodes, "safety plan").map((n) => n.id)).toEqual(["ask-plan"]);
    expect(findNodes(nodes, "safety opening")).toEqual([]);
  });

  it("lists at most a handful", () => {
    const many = Array.from({ length: 20 }, (_, i) => node(`n${i}`, `Node ${i}`));
    expect(findNodes(many, "node")).toHaveLength(MOST_MATCHES);
  });
});
