import { describe, expect, it } from "vitest";
import { scenarioAnalytics, type AttemptRecordForAnalytics } from "./analytics";

const attempt = (
  status: AttemptRecordForAnalytics["status"],
  steps: Array<[string, string]>,
  path: string[],
  overall?: number,
): AttemptRecordForAnalytics => ({
  status,
  path,
  snapshot: { value: path.at(-1), context: { transcript: steps.map(([nodeId, choiceId]) => ({ nodeId, choiceId })) } },
  result:
    overall === undefined
      ? null
      : { scores: { rapport: overall, empathy: overall / 2 }, overall, passed: overall >= 70 },
});

describe("scenarioAnalytics", () => {
  const result = scenarioAnalytics(
    ["a", "b", "c", "end"],
    [
      attempt(
        "completed",
        [
          ["a", "warm"],
          ["b", "close"],
        ],
        ["a", "b", "end"],
        80,
      ),
      attempt(
        "completed",
        [
          ["a", "cold"],
          ["c", "close"],
        ],
        ["a", "c", "end"],
        40,
      ),
      attempt("abandoned", [["a", "warm"]], ["a", "b"]),
      attempt("in-progress", [], ["a"]),
    ],
  );

  it("counts attempts reaching each node and the share of each choice", () => {
    const a = result.nodes.find((n) => n.nodeId === "a")!;
    expect(a.reached).toBe(4);
    expect(a.choices).toEqual([
      { choiceId: "warm", count: 2, share: 67 },
      { choiceId: "cold", count: 1, share: 33 },
    ]);
    expect(result.choiceCounts.get("a/warm")).toBe(2);
    expect(result.nodes.find((n) => n.nodeId === "b")!.reached).toBe(2);
  });

  it("records where attempts end, are abandoned or wait, and mean scores of completed ones", () => {
    expect(result.nodes.find((n) => n.nodeId === "end")).toMatchObject({ endedHere: 2 });
    expect(result.nodes.find((n) => n.nodeId === "b")).toMatchObject({ abandonedHere: 1 });
    expect(result.nodes.find((n) => n.nodeId === "a")).toMatchObject({ inProgressHere: 1 });
    expect(result).toMatchObject({
      attempts: 4,
      completed: 2,
      passed: 1,
      meanOverall: 60,
      meanScores: { rapport: 60, empathy: 30 },
    });
  });

  it("copes with no attempts and with snapshots it cannot read", () => {
    expect(scenarioAnalytics(["a"], []).meanOverall).toBeNull();
    expect(
      scenarioAnalytics(["a"], [{ status: "in-progress", path: ["a"], snapshot: "junk", result: null }]).nodes[0]!
        .choices,
    ).toEqual([]);
  });
});
