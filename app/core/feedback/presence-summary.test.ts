import { describe, expect, it } from "vitest";
import type { ClassifiedFrame } from "./classify";
import {
  FRAMING_KEYS,
  LIGHTING_KEYS,
  PRESENCE_SUMMARY_MAX_BYTES,
  createPresenceRecorder,
  framingKeyOf,
  presenceSummarySchema,
  timelineCode,
  type PresenceSummary,
} from "./presence-summary";
import { frameAt, framesBetween } from "./test-support";

function record(frames: ClassifiedFrame[], nodeId: string, recorder = createPresenceRecorder()) {
  for (const f of frames) recorder.record(f, nodeId);
  return recorder;
}

/** 10 s at "greeting", all good, speaking for the first 5 s; then 10 s at "history": dark, off-centre half the time, listening and looking away. */
function sampleSession() {
  const r = record(
    framesBetween(
      0,
      10_000,
      () => ({}),
      (t) => t < 5000,
    ),
    "greeting",
  );
  return record(
    framesBetween(10_000, 20_000, (i) => ({
      lighting: "too-dark",
      eyeContact: "away",
      ...(i % 2 ? { centring: "left" as const } : {}),
    })),
    "history",
    r,
  );
}

describe("presence summary accumulation", () => {
  it("records share of time per state, overall and per node", () => {
    const s = sampleSession().summary();
    expect(s.durationMs).toBeGreaterThan(19_900);
    expect(s.durationMs).toBeLessThanOrEqual(20_000);
    expect(s.overall.framing.ok).toBeCloseTo(0.75, 2);
    expect(s.overall.framing["off-centre"]).toBeCloseTo(0.25, 2);
    expect(s.overall.lighting["too-dark"]).toBeCloseTo(0.5, 2);
    expect(s.nodes.greeting!.lighting.ok).toBe(1);
    expect(s.nodes.history!.lighting["too-dark"]).toBe(1);
    expect(s.nodes.history!.framing["off-centre"]).toBeCloseTo(0.5, 2);
  });

  it("counts eye contact while speaking separately from listening", () => {
    const { overall, nodes } = sampleSession().summary();
    expect(overall.eyeContactSpeaking.ms).toBeCloseTo(5000, -2);
    expect(overall.eyeContactSpeaking.looking).toBe(1);
    expect(overall.eyeContactListening.ms).toBeCloseTo(15_000, -2);
    expect(overall.eyeContactListening.away).toBeCloseTo(10 / 15, 2);
    expect(nodes.greeting!.eyeContactListening.looking).toBe(1);
  });

  it("keeps a one-point-per-second timeline of small codes, marked by node", () => {
    const { timeline } = sampleSession().summary();
    expect(timeline.stepMs).toBe(1000);
    expect(timeline.nodes).toEqual(["greeting", "history"]);
    expect(timeline.node).toEqual([...Array(10).fill(0), ...Array(10).fill(1)]);
    expect(timeline.lighting).toEqual([
      ...Array(10).fill(timelineCode(LIGHTING_KEYS, "ok")),
      ...Array(10).fill(timelineCode(LIGHTING_KEYS, "too-dark")),
    ]);
    expect(timeline.speaking).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, ...Array(10).fill(0)]);
    // Off-centre half the time in each second of "history": a tie goes to the problem.
    expect(timeline.framing.slice(10, 19)).toEqual(Array(9).fill(timelineCode(FRAMING_KEYS, "off-centre")));
  });

  it("does not count a camera gap as time, and marks it with zeros", () => {
    const r = record(framesBetween(0, 3000), "greeting");
    record(framesBetween(8000, 10_000), "greeting", r);
    const s = r.summary();
    expect(s.durationMs).toBeLessThan(5400);
    expect(s.timeline.framing.slice(0, 3)).toEqual([1, 1, 1]);
    expect(s.timeline.framing.slice(3, 8)).toEqual([0, 0, 0, 0, 0]);
    expect(s.timeline.framing).toHaveLength(10);
  });

  it("judges framing by its most important problem", () => {
    expect(framingKeyOf(frameAt(0, { presence: "absent", centring: null }).states)).toBe("no-face");
    expect(framingKeyOf(frameAt(0, { distance: "too-close", centring: "left" }).states)).toBe("too-close");
    expect(framingKeyOf(frameAt(0, { headPose: "turned" }).states)).toBe("turned");
  });

  it("downsamples a long session to at most 3,600 points that still validate under the size cap", () => {
    const r = createPresenceRecorder();
    // Two hours at 4 frames a second, changing node every 10 minutes.
    for (let t = 0; t < 2 * 3600_000; t += 250)
      r.record(frameAt(t, { lighting: t % 60_000 < 20_000 ? "too-bright" : "ok" }), `node-${Math.floor(t / 600_000)}`);
    const s = r.summary();
    expect(s.timeline.node.length).toBeLessThanOrEqual(3600);
    expect(s.timeline.node.length).toBeGreaterThan(3500);
    expect(s.timeline.stepMs).toBe(2000);
    expect(s.timeline.nodes).toHaveLength(12);
    expect(presenceSummarySchema.safeParse(s).success).toBe(true);
    expect(JSON.stringify(s).length).toBeLessThan(PRESENCE_SUMMARY_MAX_BYTES);
  });

  it("ignores frames out of time order", () => {
    const r = record(framesBetween(0, 2000), "greeting");
    r.record(frameAt(500, { lighting: "too-dark" }), "greeting");
    expect(r.summary().overall.lighting["too-dark"]).toBe(0);
  });
});

describe("presenceSummarySchema", () => {
  const valid = (): PresenceSummary => sampleSession().summary();
  const rejects = (value: unknown) => expect(presenceSummarySchema.safeParse(value).success).toBe(false);

  it("accepts what the recorder produces, also as JSON round trip", () => {
    expect(presenceSummarySchema.parse(JSON.parse(JSON.stringify(valid())))).toEqual(valid());
  });

  it("rejects extra fields anywhere", () => {
    rejects({ ...valid(), photo: 1 });
    const s = valid();
    rejects({ ...s, overall: { ...s.overall, note: 0.5 } });
    rejects({ ...s, overall: { ...s.overall, framing: { ...s.overall.framing, smiling: 0.5 } } });
    rejects({ ...s, timeline: { ...s.timeline, frames: [] } });
  });

  it("rejects an image smuggled in as a string", () => {
    const image = "data:image/png;base64,iVBORw0KGgo=";
    const s = valid();
    rejects({ ...s, timeline: { ...s.timeline, nodes: [image, "history"] } });
    rejects({ ...s, nodes: { ...s.nodes, [image]: s.nodes.greeting } });
    rejects({ ...s, durationMs: image });
    rejects({ ...s, timeline: { ...s.timeline, framing: [image, ...s.timeline.framing.slice(1)] } });
  });

  it("rejects oversized arrays, mismatched columns and unknown codes", () => {
    const s = valid();
    const long = Array(3601).fill(0);
    rejects({
      ...s,
      timeline: { ...s.timeline, node: long, framing: long, eyeContact: long, lighting: long, speaking: long },
    });
    rejects({ ...s, timeline: { ...s.timeline, speaking: s.timeline.speaking.slice(1) } });
    rejects({ ...s, timeline: { ...s.timeline, lighting: [9, ...s.timeline.lighting.slice(1)] } });
    rejects({ ...s, timeline: { ...s.timeline, node: [5, ...s.timeline.node.slice(1)] } });
    rejects({ ...s, overall: { ...s.overall, framing: { ...s.overall.framing, ok: 1.5 } } });
    rejects({ ...s, durationMs: -1 });
  });

  it("rejects a summary over the size cap, saying how big it was", () => {
    const s = valid();
    const nodes = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`node-${i}`, s.overall]));
    const result = presenceSummarySchema.safeParse({ ...s, nodes });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message).join()).toMatch(/bytes; the limit is 65536/);
  });

  it("rejects keys that are not node ids, such as __proto__", () => {
    const s = valid();
    rejects(JSON.parse(JSON.stringify(s).replace('"greeting":{', '"__proto__":{')));
  });
});
