import { describe, expect, it } from "vitest";
import { validateScenario } from "../scenario/validate";
import { bundledScenario, interchangeFixture } from "./test-fixtures";
import { exportTwee, importScenario, importTwee, parseLink } from ".";

const fixture = interchangeFixture("first-video-call.twee");

describe("Twee links", () => {
  it.each([
    ["Simple", { text: "Simple", target: "Simple" }],
    ["Reassure her->Reassured", { text: "Reassure her", target: "Reassured" }],
    ["Check In<-Ask how she is", { text: "Ask how she is", target: "Check In" }],
    ["Straight to business|Rushed", { text: "Straight to business", target: "Rushed" }],
    ["A -> B->Target", { text: "A -> B", target: "Target" }],
    ["Target<-Left<-over", { text: "Left<-over", target: "Target" }],
  ])("reads [[%s]]", (inner, expected) => {
    expect(parseLink(inner)).toMatchObject({ ...expected, setter: null });
  });
  it("separates a setter suffix", () => {
    expect(parseLink("Go->There][$x to 1")).toEqual({ text: "Go", target: "There", setter: "$x to 1" });
  });
});

describe("Twee import", () => {
  const { draft, report } = importTwee(fixture);

  it("turns passages into nodes and every link form into a choice to the right node", () => {
    expect(draft!.title).toBe("First video call with Maria");
    expect(draft!.start).toBe("greeting");
    const greeting = draft!.nodes.greeting!;
    expect(greeting.choices!.map((c) => [c.text, c.next])).toEqual([
      ["Reassure her warmly", "reassured"],
      ["Ask how she is finding the video", "check-in"],
      ["Straight to business", "rushed"],
      ["Technical Help", "technical-help"],
    ]);
    expect(draft!.nodes["check-in"]!.title).toBe("Check In");
  });

  it("reads speakers, the speaker tag, endings and effect tags", () => {
    expect(draft!.nodes.greeting!.lines).toEqual([
      { speaker: "maria", text: "Hello? Can you hear me? I've never done one of these before." },
      { speaker: "maria", text: "Maria squints at the screen." },
    ]);
    expect(draft!.nodes["good-end"]!.ending).toMatchObject({ outcome: "good", title: "Good End" });
    expect(draft!.nodes["poor-end"]!.ending?.outcome).toBe("poor");
    const choices = draft!.nodes.greeting!.choices!;
    expect(choices[0]!.effects).toEqual({ rapport: 2, tech: 1 });
    expect(choices[2]!.effects).toEqual({ rapport: -2 });
    expect(draft!.competencies).toEqual(["rapport", "listening", "tech"]);
    expect(draft!.cast.map((c) => c.id)).toEqual(["maria"]);
  });

  it("reports what it could not map: macros, setters, unknown tags, missing feedback", () => {
    const messages = report.map((n) => `${n.severity} ${n.where}: ${n.message}`).join("\n");
    expect(messages).toMatch(/warning passage 'Rushed'.*macros/);
    expect(messages).toMatch(/setter "\[\$x to 1\]"/);
    expect(messages).toMatch(/tag 'mood'/);
    expect(report.filter((n) => n.message.includes("no feedback yet"))).toHaveLength(8);
    expect(draft!.nodes.rushed!.lines).toEqual([{ speaker: "maria", text: "Oh. Right. Okay." }]);
  });

  it("produces a draft the validator accepts apart from warnings", () => {
    const validation = validateScenario(draft);
    expect(validation.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("names the line of a malformed file", () => {
    expect(importScenario(":: \nbody", { format: "twee" }).report[0]!.message).toMatch(/Line 1: a passage header/);
    expect(importScenario(":: A\n\n:: A [x\n", { format: "twee" }).report[0]!.message).toMatch(/Line 3/);
    expect(importScenario(":: A\n\n:: A\n", { format: "twee" }).report[0]!.message).toMatch(
      /second passage is named 'A'.*line 1/,
    );
    expect(importScenario("just prose", { format: "twee" }).report[0]!.message).toMatch(/no passage headers/);
  });
});

describe("Twee round trip", () => {
  const bundled = bundledScenario("group-physio-shoulder");

  it("exports a bundled scenario and imports it back unchanged", () => {
    const text = exportTwee(bundled);
    expect(text).toContain(":: StoryTitle");
    const back = importScenario(text, { filename: "x.twee" });
    expect(back.report.filter((n) => n.severity !== "info")).toEqual([]);
    expect(back.draft).toEqual(bundled);
  });

  it("is stable: import -> export -> import gives the same draft", () => {
    const first = importTwee(fixture).draft!;
    const second = importTwee(exportTwee(first)).draft!;
    expect(second).toEqual(first);
    expect(exportTwee(second)).toBe(exportTwee(first));
  });

  it("keeps awkward choice text through the link and its annotation", () => {
    const scenario = structuredClone(bundled);
    const choice = scenario.nodes[scenario.start]!.choices![0]!;
    choice.text = "Say [[this]] -> and | that <- --> too";
    expect(importTwee(exportTwee(scenario)).draft).toEqual(scenario);
  });
});
