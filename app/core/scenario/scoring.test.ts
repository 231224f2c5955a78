import { describe, expect, it } from "vitest";
import { applyChoice, startRun } from "./engine";
import { scoreRun, strongestAndWeakest } from "./scoring";
import type { Scenario } from "./schema";
import { summariseRun } from "./summary";
import { validFixture } from "./test-fixtures";

function play(scenario: Scenario, choices: string[]): unknown {
  let { snapshot } = startRun(scenario);
  for (const id of choices) {
    const result = applyChoice(scenario, snapshot, id);
    if (!result.ok) throw new Error(result.message);
    snapshot = result.snapshot;
  }
  return snapshot;
}

describe("scoreRun", () => {
  it("scores the best path per the agreed rule, counting only choices on offer", () => {
    const scenario = validFixture();
    const score = scoreRun(scenario, play(scenario, ["warm", "open-question", "reflect", "summarise"]));
    // rapport 2 of 3 (check-again offered 1 at 'listen'), listening 4 of 4, empathy 2 of 2.
    expect(score).toEqual({
      finished: true,
      endingId: "close-good",
      outcome: "good",
      scores: { rapport: 67, listening: 100, empathy: 100 },
      overall: 89,
      passed: true,
      criticalErrors: [],
      strongest: ["listening", "empathy"],
      weakest: ["rapport"],
    });
  });

  it("clamps negative totals to 0, leaves unoffered competencies null, and fails a low score", () => {
    const scenario = validFixture();
    const score = scoreRun(scenario, play(scenario, ["cold", "closed-question", "wrap-up"]));
    // 'summarise' was not offered, so listening's best at 'listen' was 1 (wrap-up), not 2.
    expect(score.scores).toEqual({ rapport: 0, listening: 0, empathy: null });
    expect(score).toMatchObject({ overall: 0, passed: false, outcome: "mixed", strongest: [], weakest: ["listening"] });
  });

  it("fails a poor ending whatever the score", () => {
    const scenario: Scenario = { ...validFixture(), passMark: 0 };
    const score = scoreRun(scenario, play(scenario, ["warm", "open-question", "reflect", "lecture"]));
    expect(score.outcome).toBe("poor");
    expect(score.overall).toBeGreaterThan(0);
    expect(score.passed).toBe(false);
  });

  it("fails an attempt that took a critical choice whatever its score, naming the choice and its reason", () => {
    const scenario = validFixture();
    const reflect = scenario.nodes["opens-up"]?.choices?.find((c) => c.id === "reflect");
    if (!reflect) throw new Error("fixture changed: no 'reflect' choice at 'opens-up'");
    reflect.critical = { reason: "Reflecting here hides a red flag (test reason)." };
    const score = scoreRun(scenario, play(scenario, ["warm", "open-question", "reflect", "summarise"]));
    expect(score).toMatchObject({ overall: 89, outcome: "good", passed: false });
    expect(score.criticalErrors).toEqual([
      {
        step: 3,
        nodeId: "opens-up",
        choiceId: "reflect",
        choiceText: reflect.text,
        reason: "Reflecting here hides a red flag (test reason).",
      },
    ]);
  });

  it("passes exactly at the pass mark and reports an unfinished attempt as not passed", () => {
    const scenario: Scenario = { ...validFixture(), passMark: 89 };
    expect(scoreRun(scenario, play(scenario, ["warm", "open-question", "reflect", "summarise"])).passed).toBe(true);
    const unfinished = scoreRun(scenario, play(scenario, ["warm"]));
    expect(unfinished).toMatchObject({
      finished: false,
      endingId: null,
      outcome: null,
      passed: false,
      scores: { rapport: 100, listening: null },
    });
  });
});

describe("strongestAndWeakest", () => {
  it("takes up to three each way without overlap, skipping nulls, 0 for strongest and 100 for weakest", () => {
    const all = ["rapport", "empathy", "listening", "information", "safety", "tech", "group"] as const;
    const split = strongestAndWeakest(all, {
      rapport: 90,
      empathy: 10,
      listening: 100,
      information: null,
      safety: 50,
      tech: 0,
      group: 70,
    });
    expect(split).toEqual({ strongest: ["listening", "rapport", "group"], weakest: ["tech", "empathy", "safety"] });
    expect(strongestAndWeakest(["rapport", "empathy"], { rapport: 100, empathy: 100 })).toEqual({
      strongest: ["rapport"],
      weakest: [],
    });
  });
});

describe("summariseRun", () => {
  it("lists each decision with the choice's text, feedback and what better choices would have added", () => {
    const scenario = validFixture();
    const summary = summariseRun(scenario, play(scenario, ["cold", "closed-question", "lecture"]));
    expect(summary.steps.map((s) => [s.step, s.nodeId, s.choiceId])).toEqual([
      [1, "hello", "cold"],
      [2, "ask", "closed-question"],
      [3, "listen", "lecture"],
    ]);
    expect(summary.steps[0]).toMatchObject({
      nodeTitle: "Joining the call",
      choiceText: "Right, let's get going, I'm short of time.",
      feedback: "Rushing the opening signals that the patient is a burden.",
      effects: { rapport: -1, listening: 0, empathy: 0 },
      missed: { rapport: 3 },
    });
    expect(summary.ending).toMatchObject({ nodeId: "close-poor", outcome: "poor", title: "Maria switched off" });
  });
});
