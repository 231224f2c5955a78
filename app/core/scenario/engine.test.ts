import { describe, expect, it } from "vitest";
import { applyChoice, startRun, type ChoiceResult } from "./engine";
import type { Scenario } from "./schema";
import { validFixture } from "./test-fixtures";
import { parseScenario } from "./validate";
import { viewOf } from "./view";

function play(scenario: Scenario, choices: string[]) {
  let { snapshot } = startRun(scenario);
  for (const id of choices) {
    const result = applyChoice(scenario, snapshot, id);
    if (!result.ok) throw new Error(`${id}: ${result.message}`);
    snapshot = result.snapshot;
  }
  return { snapshot, view: viewOf(scenario, snapshot) };
}

function failure(result: ChoiceResult) {
  if (result.ok) throw new Error("expected the choice to be refused");
  return result;
}

describe("startRun", () => {
  it("starts at the start node with its lines, events and offered choices", () => {
    const { snapshot, view } = startRun(validFixture());
    expect(view).toMatchObject({
      nodeId: "hello",
      title: "Joining the call",
      lines: [{ speaker: "maria", text: "Hello? Can you hear me?" }],
      events: [{ kind: "video-freeze", who: "maria" }],
      choices: [
        { id: "warm", text: expect.stringContaining("Good morning") },
        { id: "cold", text: expect.any(String) },
      ],
      finished: false,
      transcript: [],
      visited: ["hello"],
      progress: { step: 1, estimatedTotal: 3, percent: 0 },
    });
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});

describe("applyChoice", () => {
  it("follows a branch when its condition holds after the choice's own updates", () => {
    // 'warm' adds 1 to trust, so 'open-question' takes the branch to 'opens-up'.
    expect(play(validFixture(), ["warm", "open-question"]).view.nodeId).toBe("opens-up");
    // 'cold' leaves trust at 0, so the same choice falls through to its default 'next'.
    expect(play(validFixture(), ["cold", "open-question"]).view.nodeId).toBe("listen");
  });

  it("offers a choice with 'requires' only once its condition holds", () => {
    const without = play(validFixture(), ["cold", "open-question"]).view;
    expect(without.choices.map((c) => c.id)).toEqual(["check-again", "lecture", "wrap-up"]);
    const withConsent = play(validFixture(), ["warm", "open-question", "reflect"]).view;
    expect(withConsent.choices.map((c) => c.id)).toEqual(["summarise", "check-again", "lecture", "wrap-up"]);
  });

  it("refuses a choice whose 'requires' does not hold, and stores nothing", () => {
    const scenario = validFixture();
    const { snapshot } = play(scenario, ["cold", "open-question"]);
    const before = JSON.stringify(snapshot);
    const result = failure(applyChoice(scenario, snapshot, "summarise"));
    expect(result.code).toBe("illegal-choice");
    expect(result.message).toBe(
      "Choice 'summarise' is not offered at node 'listen'. Offered now: 'check-again', 'lecture', 'wrap-up'.",
    );
    expect(JSON.stringify(snapshot)).toBe(before);
  });

  it("refuses a choice from another node", () => {
    const scenario = validFixture();
    expect(failure(applyChoice(scenario, startRun(scenario).snapshot, "reflect")).code).toBe("illegal-choice");
  });

  it("refuses any choice once an ending is reached", () => {
    const scenario = validFixture();
    const { snapshot, view } = play(scenario, ["cold", "closed-question", "lecture"]);
    expect(view).toMatchObject({ nodeId: "close-poor", finished: true, choices: [], ending: { outcome: "poor" } });
    expect(failure(applyChoice(scenario, snapshot, "lecture")).code).toBe("finished");
  });

  it("stops a looping attempt at maxIterations", () => {
    const scenario = validFixture();
    let { snapshot } = play(scenario, ["cold", "closed-question"]);
    for (let i = 0; i < 3; i += 1) {
      for (const id of ["check-again", "closed-question"]) {
        const result = applyChoice(scenario, snapshot, id, { maxIterations: 8 });
        if (!result.ok) throw new Error(result.message);
        snapshot = result.snapshot;
      }
    }
    expect(viewOf(scenario, snapshot).transcript).toHaveLength(8);
    const refused = failure(applyChoice(scenario, snapshot, "wrap-up", { maxIterations: 8 }));
    expect(refused.code).toBe("step-limit");
  });

  it("records the full path, repeats included, beside the transcript", () => {
    const { view } = play(validFixture(), ["cold", "closed-question", "check-again", "closed-question", "wrap-up"]);
    expect(view.visited).toEqual(["hello", "ask", "listen", "ask", "listen", "close-mixed"]);
    expect(view.transcript.map((t) => `${t.nodeId}/${t.choiceId}`)).toEqual([
      "hello/cold",
      "ask/closed-question",
      "listen/check-again",
      "ask/closed-question",
      "listen/wrap-up",
    ]);
    expect(view.progress).toEqual({ step: 5, estimatedTotal: 5, percent: 100 });
  });

  it("clamps number variables to their declared range", () => {
    const scenario = validFixture();
    // trust has max 3; 'warm' is the only way to add to it, so loop through it via a modified scenario.
    const looping = parseScenario({
      ...scenario,
      nodes: {
        ...scenario.nodes,
        hello: {
          ...scenario.nodes.hello,
          choices: [
            { ...scenario.nodes.hello!.choices![0]!, next: "hello", set: [{ var: "trust", op: "add", value: 2 }] },
            scenario.nodes.hello!.choices![1]!,
          ],
        },
      },
    });
    const { snapshot } = play(looping, ["warm", "warm", "warm"]);
    expect((snapshot as { context: { variables: Record<string, unknown> } }).context.variables.trust).toBe(3);
    expect(viewOf(looping, snapshot).visited).toEqual(["hello", "hello", "hello", "hello"]);
  });

  it("refuses a snapshot that does not belong to the scenario", () => {
    const scenario = validFixture();
    expect(failure(applyChoice(scenario, { value: "elsewhere", context: {} }, "warm")).code).toBe("invalid-snapshot");
    expect(failure(applyChoice(scenario, "nonsense", "warm")).code).toBe("invalid-snapshot");
    expect(() => viewOf(scenario, { value: "hello" })).toThrow(/context is incomplete/);
  });

  it("resumes from a snapshot that went through JSON storage", () => {
    const scenario = validFixture();
    const { snapshot } = play(scenario, ["warm", "open-question"]);
    const stored = JSON.parse(JSON.stringify(snapshot)) as unknown;
    const result = applyChoice(scenario, stored, "reflect");
    expect(result.ok && result.view.nodeId).toBe("listen");
  });
});
