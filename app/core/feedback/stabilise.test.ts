import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CheckName, ClassifiedFrame } from "./classify";
import { createFeedbackStabiliser, type FeedbackStabiliser } from "./stabilise";
import { frameAt, framesBetween } from "./test-support";

/** Feeds frames and returns every change of one check's reported state, with its time. */
function changes(stabiliser: FeedbackStabiliser, frames: ClassifiedFrame[], check: CheckName) {
  const out: { t: number; state: string | null }[] = [];
  let last = stabiliser.states[check];
  for (const f of frames) {
    const now = stabiliser.update(f)[check];
    if (now !== last) out.push({ t: f.t, state: now });
    last = now;
  }
  return out;
}

function settledGood(untilMs = 3000) {
  const s = createFeedbackStabiliser();
  for (const f of framesBetween(0, untilMs)) s.update(f);
  expect(s.states.lighting).toBe("ok");
  return s;
}

describe("stabilising states", () => {
  it("reports nothing until a state has held for about a second", () => {
    const s = createFeedbackStabiliser();
    const log = changes(s, framesBetween(0, 2000), "centring");
    expect(log).toHaveLength(1);
    expect(log[0]!.state).toBe("ok");
    expect(log[0]!.t).toBeGreaterThanOrEqual(900);
    expect(log[0]!.t).toBeLessThan(1100);
  });

  it("raises a nudge only after about a second of a steady problem", () => {
    const s = settledGood();
    const log = changes(
      s,
      framesBetween(3000, 6000, () => ({ lighting: "too-dark" })),
      "lighting",
    );
    expect(log).toEqual([{ t: expect.any(Number), state: "too-dark" }]);
    expect(log[0]!.t - 3000).toBeGreaterThanOrEqual(900);
    expect(log[0]!.t - 3000).toBeLessThanOrEqual(1200);
  });

  it("ignores a single bad frame and a short burst", () => {
    const s = settledGood();
    const burst = framesBetween(3000, 8000, (_, t) =>
      t === 3000 || (t > 5000 && t < 5400) ? { lighting: "too-bright" } : {},
    );
    expect(changes(s, burst, "lighting")).toEqual([]);
  });

  it("never flickers under alternating input, frame by frame or in short runs", () => {
    const s = settledGood();
    const everyOther = framesBetween(3000, 13_000, (i) => (i % 2 ? { backlight: "backlit" } : {}));
    expect(changes(s, everyOther, "backlight")).toEqual([]);
    const runs = framesBetween(13_000, 23_000, (_, t) => (Math.floor(t / 300) % 2 ? { backlight: "backlit" } : {}));
    expect(changes(s, runs, "backlight")).toEqual([]);
  });

  it("clears a nudge only after a clear, steady return to good", () => {
    const s = settledGood();
    changes(
      s,
      framesBetween(3000, 5000, () => ({ distance: "too-far" })),
      "distance",
    );
    expect(s.states.distance).toBe("too-far");
    // Good for 700 ms, bad for 300 ms, again and again: not a clear return.
    const wobbly = framesBetween(5000, 12_000, (_, t) => ((t - 5000) % 1000 < 700 ? {} : { distance: "too-far" }));
    expect(changes(s, wobbly, "distance")).toEqual([]);
    const log = changes(s, framesBetween(12_000, 15_000), "distance");
    expect(log).toHaveLength(1);
    expect(log[0]!.state).toBe("ok");
    expect(log[0]!.t - 12_000).toBeGreaterThanOrEqual(900);
  });

  it("never changes a reported state twice within 0.7 s, whatever the input (property)", () => {
    const segment = fc.record({
      state: fc.constantFrom("ok", "too-dark", "too-bright", null),
      frames: fc.integer({ min: 1, max: 40 }),
      gapMs: fc.integer({ min: 15, max: 80 }),
    });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 60 }), (segments) => {
        const s = createFeedbackStabiliser();
        const times: number[] = [];
        let t = 0;
        let last = s.states.lighting;
        for (const { state, frames, gapMs } of segments) {
          for (let i = 0; i < frames; i++, t += gapMs) {
            const now = s.update(frameAt(t, { lighting: state }))["lighting"];
            if (now !== last && last !== null) times.push(t);
            last = now;
          }
        }
        return times.every((time, i) => i === 0 || time - times[i - 1]! >= 700);
      }),
      { numRuns: 300 },
    );
  });

  it("moves straight from one problem to another once the new one is steady", () => {
    const s = settledGood();
    changes(
      s,
      framesBetween(3000, 5000, () => ({ eyeLine: "too-high" })),
      "eyeLine",
    );
    const log = changes(
      s,
      framesBetween(5000, 7000, () => ({ eyeLine: "too-low" })),
      "eyeLine",
    );
    expect(log.map((c) => c.state)).toEqual(["too-low"]);
  });

  it("does not treat a stalled camera as evidence", () => {
    const s = settledGood();
    // Five turned frames (enough to win the smoothing), then nothing for over a second.
    for (const f of framesBetween(3000, 3150, () => ({ headPose: "turned" }))) s.update(f);
    s.update(frameAt(4300));
    expect(s.states.headPose).toBe("ok");
  });

  it("ignores frames that arrive out of order", () => {
    const s = settledGood();
    const before = s.states;
    expect(s.update(frameAt(100, { lighting: "too-dark" }))).toEqual(before);
  });
});

describe("presence", () => {
  it("stays present when a face is missed now and then (in >= 90% of frames)", () => {
    const s = settledGood();
    const flaky = framesBetween(3000, 13_000, (i) => (i % 20 === 0 ? { presence: "absent" } : {}));
    expect(changes(s, flaky, "presence")).toEqual([]);
  });

  it("says we can't see you about a second after the face goes, and clears once it is back for 2 s", () => {
    const s = settledGood();
    const gone = changes(
      s,
      framesBetween(3000, 6000, () => ({ presence: "absent" })),
      "presence",
    );
    expect(gone).toHaveLength(1);
    expect(gone[0]!.state).toBe("absent");
    expect(gone[0]!.t - 3000).toBeGreaterThanOrEqual(1000);
    expect(gone[0]!.t - 3000).toBeLessThanOrEqual(1500);
    const back = changes(s, framesBetween(6000, 10_000), "presence");
    expect(back).toHaveLength(1);
    expect(back[0]!.state).toBe("present");
    expect(back[0]!.t - 6000).toBeGreaterThanOrEqual(1800);
  });

  it("reports a far face as far, not absent", () => {
    const s = settledGood();
    changes(
      s,
      framesBetween(3000, 6000, () => ({ presence: "far" })),
      "presence",
    );
    expect(s.states.presence).toBe("far");
  });

  it("reports nobody there from the start when the camera shows no one", () => {
    const s = createFeedbackStabiliser();
    const log = changes(
      s,
      framesBetween(0, 3000, () => ({ presence: "absent" })),
      "presence",
    );
    expect(log.map((c) => c.state)).toEqual(["absent"]);
    expect(log[0]!.t).toBeLessThanOrEqual(1200);
  });
});

describe("eye contact", () => {
  const speakingAlways = () => true;

  it("has no verdict before there has been enough speech", () => {
    const s = createFeedbackStabiliser();
    for (const f of framesBetween(0, 5000, () => ({ eyeContact: "away" }))) s.update(f);
    expect(s.states.eyeContact).toBeNull();
  });

  it("is good when gaze is at the lens for >= 60% of speaking time", () => {
    const s = createFeedbackStabiliser();
    for (const f of framesBetween(0, 8000, (i) => (i % 10 < 7 ? {} : { eyeContact: "away" }), speakingAlways))
      s.update(f);
    expect(s.states.eyeContact).toBe("looking");
  });

  it("nudges when gaze is at the lens for under 60% of speaking time", () => {
    const s = createFeedbackStabiliser();
    for (const f of framesBetween(0, 8000, (i) => (i % 10 < 4 ? {} : { eyeContact: "away" }), speakingAlways))
      s.update(f);
    expect(s.states.eyeContact).toBe("away");
  });

  it("counts only speaking time: looking away while listening is not held against you", () => {
    const s = createFeedbackStabiliser();
    // Speaking (and looking) in the first half of every 2 s; listening (and looking away) in the second.
    const speaking = (t: number) => t % 2000 < 1000;
    for (const f of framesBetween(0, 12_000, (_, t) => (speaking(t) ? {} : { eyeContact: "away" }), speaking))
      s.update(f);
    expect(s.states.eyeContact).toBe("looking");
  });
});
