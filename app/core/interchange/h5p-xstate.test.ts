import { createMachine } from "xstate";
import { describe, expect, it } from "vitest";
import { validateScenario } from "../scenario";
import { bundledScenario, interchangeFixture } from "./test-fixtures";
import { exportXState, importH5p, importScenario, importXState } from ".";

const h5p = JSON.parse(interchangeFixture("h5p-content.json")) as unknown;
const machine = JSON.parse(interchangeFixture("machine.json")) as unknown;

describe("H5P Branching Scenario import", () => {
  const { draft, report } = importH5p(h5p);
  const where = (text: RegExp) => report.filter((n) => text.test(n.message)).map((n) => n.where);

  it("maps a branching question's alternatives to choices with feedback, scores to effects and custom endings", () => {
    const opening = draft!.nodes.opening!;
    expect(opening.lines).toEqual([{ speaker: "narrator", text: "How do you open?" }]);
    expect(opening.choices!.map((c) => c.text)).toEqual(["Ask what he already knows", "Read the results out"]);
    expect(opening.choices![0]).toMatchObject({
      next: "scan",
      effects: { rapport: 2 },
      feedback: "Good start Finding out what he knows first.",
    });
    const abrupt = draft!.nodes[opening.choices![1]!.next]!;
    expect(abrupt.ending).toEqual({ outcome: "poor", title: "Too abrupt", summary: "He hangs up, upset." });
  });

  it("turns text, image, video, presentation and hotspot content into lines, and reports what was lost", () => {
    expect(draft!.nodes.intro!.lines.map((l) => l.text)).toEqual([
      "You join the call. Mr Patel is waiting.",
      "He looks anxious.",
    ]);
    expect(draft!.nodes.intro!.choices).toEqual([
      { id: "continue", text: "Proceed", next: "opening", feedback: "Moves the consultation on." },
    ]);
    expect(draft!.nodes.scan!.lines[0]!.text).toBe("[Image: Scan results on screen]");
    expect(draft!.nodes["content-4"]!.lines[0]!.text).toBe("[Video: Explaining the scan]");
    expect(draft!.nodes["content-5"]!.lines[0]!.text).toBe("Slide one text");
    expect(draft!.nodes["content-6"]!.lines[0]!.text).toBe("Hotspot note");
    expect(where(/Images are not shown/)).toEqual(["branchingScenario.content[2].type"]);
    expect(where(/cannot play/)).toEqual(["branchingScenario.content[3].type"]);
    expect(where(/slide element/)).toEqual(["branchingScenario.content[4].type"]);
    expect(where(/H5P.Summary' is not supported/)).toEqual(["branchingScenario.content[6].type"]);
  });

  it("makes the default end screen an ending with its score deciding the outcome", () => {
    expect(draft!.nodes["end-screen-1"]!.ending).toEqual({
      outcome: "good",
      title: "Well done",
      summary: "You broke the news with care.",
    });
    expect(draft!.title).toBe("Breaking news by video");
    expect(validateScenario(draft).problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("rejects content that is not a branching scenario, naming the field", () => {
    expect(importScenario('{"branchingScenario": {"content": []}}').report[0]).toMatchObject({
      severity: "error",
      where: "branchingScenario.content",
    });
    expect(importScenario('{"branchingScenario": {"content": [3]}}').report[0]).toMatchObject({
      where: "branchingScenario.content[0]",
    });
    expect(importScenario('{"something": 1}', { format: "h5p" }).report[0]!.message).toMatch(/no "branchingScenario"/);
  });
});

describe("XState import and export", () => {
  it("maps states to nodes, events to choices and final states to endings, reporting the rest", () => {
    const { draft, report } = importXState(machine);
    expect(draft!.start).toBe("waiting");
    expect(draft!.nodes.waiting!.title).toBe("The patient is in the waiting room");
    expect(draft!.nodes.waiting!.choices!.map((c) => [c.id, c.text, c.next])).toEqual([
      ["admit", "Admit the patient", "talking"],
      ["ignore", "Ignore", "left"],
      ["ping", "Ping", "talking"],
    ]);
    expect(draft!.nodes.talking!.choices![0]!.next).toBe("done");
    expect(draft!.nodes.left!.ending).toMatchObject({ outcome: "mixed", title: "They gave up" });
    const text = report.map((n) => `${n.where}: ${n.message}`).join("\n");
    expect(text).toMatch(/states\.Waiting\.after/);
    expect(text).toMatch(/states\.Waiting\.on\.PING: Event 'PING' has 2 alternative/);
    expect(text).toMatch(/states\.Waiting\.on\.PING\.guard/);
    expect(text).toMatch(/states\.talking\.states: State 'talking' has child states/);
    expect(text).toMatch(/states\.talking\.on\.FINISH\.actions/);
    expect(text).toMatch(/State 'Waiting' became node 'waiting'/);
  });

  it("exports a config createMachine accepts, and imports it back to the same scenario", () => {
    for (const file of ["group-physio-shoulder", "red-flags-chest-pain", "sceptical-first-video"]) {
      const scenario = bundledScenario(file);
      const config = exportXState(scenario);
      expect(() => createMachine(config as never)).not.toThrow();
      const back = importScenario(JSON.stringify(config), { format: "xstate" });
      expect(back.report.filter((n) => n.severity !== "info")).toEqual([]);
      expect(back.draft).toEqual(scenario);
    }
  });

  it("is stable for a foreign machine: import -> export -> import", () => {
    const first = importXState(machine).draft!;
    first.nodes.waiting!.choices = first.nodes.waiting!.choices!.map((c) => ({ ...c, feedback: "Because." }));
    const again = importXState(JSON.parse(JSON.stringify(exportXState(first)))).draft;
    expect(again).toEqual(first);
  });
});
