import { describe, expect, it } from "vitest";
import { mergePresenceSummaries } from "./presence-merge";
import { MAX_TIMELINE_POINTS, createPresenceRecorder, presenceSummarySchema } from "./presence-summary";
import { framesBetween } from "./test-support";

const good = () => ({});
const dark = () => ({ lighting: "too-dark" as const, eyeContact: "away" as const });

describe("joining the presence summaries of one attempt (a live page reloaded mid-consultation)", () => {
  it("gives the same figures as one recorder that saw both parts", () => {
    const whole = createPresenceRecorder();
    const first = createPresenceRecorder();
    const second = createPresenceRecorder();
    for (const f of framesBetween(0, 10_000, good)) {
      whole.record(f, "greeting");
      first.record(f, "greeting");
    }
    // The reloaded page starts again at the node it was on, then moves on.
    for (const [from, to, node, state] of [
      [10_000, 16_000, "greeting", good],
      [16_000, 30_000, "history", dark],
    ] as const) {
      for (const f of framesBetween(from, to, state)) {
        whole.record(f, node);
        second.record(f, node);
      }
    }
    const merged = mergePresenceSummaries(first.summary(), second.summary());
    const expected = whole.summary();
    expect(presenceSummarySchema.safeParse(merged).success).toBe(true);
    // Only the moment between the two recorders is missing from the join.
    expect(merged.durationMs).toBeGreaterThan(expected.durationMs - 200);
    expect(merged.durationMs).toBeLessThanOrEqual(expected.durationMs);
    expect(merged.overall.lighting["too-dark"]).toBeCloseTo(expected.overall.lighting["too-dark"], 2);
    expect(merged.overall.eyeContactListening.away).toBeCloseTo(expected.overall.eyeContactListening.away, 2);
    expect(merged.nodes.greeting!.ms).toBeGreaterThan(15_700);
    expect(merged.nodes.history!.lighting["too-dark"]).toBe(1);
    expect(merged.timeline.nodes).toEqual(["greeting", "history"]);
    expect(merged.timeline.node.length).toBeGreaterThanOrEqual(expected.timeline.node.length - 1);
    expect(merged.timeline.node.at(-1)).toBe(1);
    expect(merged.timeline.lighting.at(-1)).toBe(2);
  });

  it("keeps the later summary alone when the earlier one recorded nothing, and the other way round", () => {
    const some = createPresenceRecorder();
    for (const f of framesBetween(0, 5000, good)) some.record(f, "greeting");
    const none = createPresenceRecorder().summary();
    expect(mergePresenceSummaries(none, some.summary())).toEqual(some.summary());
    expect(mergePresenceSummaries(some.summary(), none)).toEqual(some.summary());
  });

  it("fits a long join into the timeline's point limit by widening its step", () => {
    const long = createPresenceRecorder();
    for (const f of framesBetween(0, (MAX_TIMELINE_POINTS - 10) * 1000, good)) long.record(f, "a");
    const more = createPresenceRecorder();
    for (const f of framesBetween(0, 60_000, dark)) more.record(f, "b");
    const merged = mergePresenceSummaries(long.summary(), more.summary());
    expect(merged.timeline.node.length).toBeLessThanOrEqual(MAX_TIMELINE_POINTS);
    expect(merged.timeline.stepMs).toBe(2000);
    expect(presenceSummarySchema.safeParse(merged).success).toBe(true);
  });
});
