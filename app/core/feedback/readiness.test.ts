import { describe, expect, it } from "vitest";
import { CHECK_NAMES, GOOD_STATES } from "./classify";
import { NUDGE_TEXT } from "./nudges";
import { READY_TEXT, assessReadiness } from "./readiness";
import type { StableStates } from "./stabilise";

const allGood: StableStates = { ...GOOD_STATES };
const unknown = Object.fromEntries(CHECK_NAMES.map((c) => [c, null])) as unknown as StableStates;

describe("pre-call readiness", () => {
  it("says You're ready when every item is fine", () => {
    const r = assessReadiness(allGood, "working");
    expect(r.ready).toBe(true);
    expect(r.summary).toBe(READY_TEXT);
    expect(r.lines.map((l) => [l.item, l.status])).toEqual([
      ["framing", "ok"],
      ["distance", "ok"],
      ["eyeLine", "ok"],
      ["lighting", "ok"],
      ["microphone", "ok"],
    ]);
    expect(r.toFix).toEqual([]);
  });

  it("is still checking before the first states are confirmed", () => {
    const r = assessReadiness(unknown, "checking");
    expect(r.ready).toBe(false);
    expect(r.summary).toBe("Checking…");
    expect(r.lines.every((l) => l.status === "checking")).toBe(true);
  });

  it("lists what to fix, in plain words", () => {
    const r = assessReadiness({ ...allGood, backlight: "backlit", lighting: "too-dark", eyeLine: "too-low" }, "silent");
    expect(r.ready).toBe(false);
    expect(r.summary).toBe("Before you start, fix 3 things: eye line, lighting, microphone.");
    expect(r.lines.find((l) => l.item === "lighting")!.text).toBe(NUDGE_TEXT.backlight.backlit);
    expect(r.toFix).toEqual([
      NUDGE_TEXT.eyeLine["too-low"],
      NUDGE_TEXT.backlight.backlit,
      expect.stringMatching(/can't hear you/),
    ]);
  });

  it("waits on everything else when it cannot see the person", () => {
    const r = assessReadiness({ ...allGood, presence: "absent" }, "working");
    expect(r.lines[0]).toMatchObject({ item: "framing", status: "fix", text: NUDGE_TEXT.presence.absent });
    expect(r.lines.slice(1, 4).every((l) => l.status === "checking")).toBe(true);
    expect(r.summary).toBe("Before you start, fix 1 thing: framing.");
  });

  it("puts the head before centring within framing", () => {
    const r = assessReadiness({ ...allGood, centring: "left", headInFrame: "cut-off" }, "working");
    expect(r.lines[0]!.text).toBe(NUDGE_TEXT.headInFrame["cut-off"]);
  });

  it("explains a missing microphone", () => {
    expect(assessReadiness(allGood, "unavailable").lines[4]).toMatchObject({
      status: "fix",
      text: expect.stringMatching(/No microphone/),
    });
  });
});
