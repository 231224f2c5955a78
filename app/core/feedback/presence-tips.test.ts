import { describe, expect, it } from "vitest";
import type { FrameStates } from "./classify";
import { createPresenceRecorder, presenceTips } from "./presence-summary";
import { framesBetween } from "./test-support";

/** A 60 s session where `at(t)` sets the states and `speaking(t)` whether the clinician speaks. */
function summaryOf(at: (t: number) => Partial<FrameStates>, speaking: (t: number) => boolean = () => false) {
  const r = createPresenceRecorder();
  for (const f of framesBetween(0, 60_000, (_, t) => at(t), speaking)) r.record(f, "start");
  return r.summary();
}

describe("presence tips for the debrief", () => {
  it("puts the biggest problems first, at most three", () => {
    const s = summaryOf((t) => ({
      ...(t < 30_000 ? { backlight: "backlit" as const } : {}),
      ...(t % 10_000 < 2000 ? { centring: "left" as const } : {}),
      ...(t < 12_000 ? { headPose: "turned" as const } : {}),
      ...(t >= 45_000 ? { eyeLine: "too-high" as const } : {}),
    }));
    const tips = presenceTips(s);
    // backlit 50%; eye line 13 s (22%); off-centre 12 s (20%); turned 8 s (13%, where not already off-centre) is fourth.
    expect(tips.map((t) => t.key)).toEqual(["lighting:backlit", "framing:eye-line", "framing:off-centre"]);
    expect(tips.every((t) => t.kind === "work-on")).toBe(true);
    expect(tips[0]!.text).toBe(
      "There was light behind you for 50% of the time: face the window, or add a lamp in front of you.",
    );
  });

  it("ignores slips under 10% of the time", () => {
    const tips = presenceTips(summaryOf((t) => (t < 4000 ? { lighting: "too-dark" } : {})));
    expect(tips.some((t) => t.key.startsWith("lighting:too-dark"))).toBe(false);
  });

  it("flags too little eye contact while speaking, but not looking at the patient while listening", () => {
    const speaking = (t: number) => t < 30_000;
    const s = summaryOf((t) => (t % 10_000 < 6000 ? { eyeContact: "away" } : {}), speaking);
    const tips = presenceTips(s);
    expect(tips[0]!.key).toBe("eye-contact:speaking");
    expect(tips[0]!.text).toMatch(/^While you spoke you looked at the camera 40% of the time; aim for more than 60%/);
    expect(tips.some((t) => t.key === "eye-contact:listening")).toBe(false);
  });

  it("suggests glancing at the camera when a listener almost never does", () => {
    const tips = presenceTips(summaryOf(() => ({ eyeContact: "away" })));
    expect(tips.map((t) => t.key)).toContain("eye-contact:listening");
  });

  it("says what went well when there is little to fix", () => {
    const tips = presenceTips(
      summaryOf(
        () => ({}),
        (t) => t < 30_000,
      ),
    );
    expect(tips.map((t) => t.key)).toEqual(["eye-contact:speaking", "framing:ok", "lighting:ok"]);
    expect(tips.every((t) => t.kind === "went-well")).toBe(true);
    expect(tips[1]!.text).toMatch(/^You were well framed 100% of the time/);
  });

  it("gives only the general tip for an empty session", () => {
    const empty = createPresenceRecorder().summary();
    const tips = presenceTips(empty);
    expect(tips).toHaveLength(1);
    expect(tips[0]!.key).toBe("general:notes");
  });
});
