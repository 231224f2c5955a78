import { describe, expect, it } from "vitest";
import type { Scenario } from "../scenario/schema";
import { graphModel } from "./graph-model";

const choice = (id: string, next: string) => ({ id, text: `Say ${id}`, next, effects: { rapport: 1 }, feedback: "." });
const scenario: Scenario = {
  id: "lanes",
  version: 1,
  title: "Lanes",
  summary: "Lanes.",
  setting: "one-to-one",
  specialty: "GP",
  minutes: 5,
  objectives: ["x"],
  competencies: ["rapport"],
  passMark: 50,
  cast: [{ id: "pat", name: "Pat", role: "patient", bio: "Pat." }],
  start: "a",
  nodes: {
    a: { title: "Opening", lines: [], choices: [choice("one", "b"), choice("two", "b"), choice("three", "c")] },
    b: { lines: [], choices: [choice("back", "a"), choice("on", "c")] },
    c: { lines: [], ending: { outcome: "good", title: "Done", summary: "." } },
  },
};

describe("graphModel lanes", () => {
  const lanes = Object.fromEntries(graphModel(scenario, []).edges.map((e) => [e.id, e.lane]));

  it("leaves an edge alone between its two nodes in the middle lane", () => {
    expect(lanes["a/three/0"]).toBe(0);
    expect(lanes["b/on/0"]).toBe(0);
  });

  it("spreads every edge between the same two nodes, either way, into its own lane", () => {
    // Lanes are counted along each edge's own direction, so the edge back from b to a flips its sign to sit on
    // the far side: seen from a, the three lie at -1, 0 and 1.
    const fromA = [lanes["a/one/0"], lanes["a/two/0"], -lanes["b/back/0"]!];
    expect(fromA).toEqual([-1, 0, 1]);
  });
});
