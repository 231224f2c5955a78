// Joins two presence summaries of one attempt recorded one after the other (the live page reloaded mid-consultation
// starts a new recorder): times add up, shares are weighted by the time behind them, the timelines follow each other.
import {
  MAX_TIMELINE_POINTS,
  downsampleTimeline,
  type PresenceShares,
  type PresenceSummary,
  type PresenceTimeline,
  type TimelinePoint,
} from "./presence-summary";

type Shares = { ms: number } & Record<string, number>;

function mergeShares<S extends Shares>(a: S, b: S): S {
  const ms = a.ms + b.ms;
  const out: Record<string, number> = { ms };
  for (const key of Object.keys(a)) {
    if (key === "ms") continue;
    out[key] = ms > 0 ? Math.round(((a[key]! * a.ms + b[key]! * b.ms) / ms) * 10_000) / 10_000 : 0;
  }
  return out as S;
}

function mergePresenceShares(a: PresenceShares, b: PresenceShares): PresenceShares {
  return {
    ms: a.ms + b.ms,
    framing: mergeShares(a.framing, b.framing),
    lighting: mergeShares(a.lighting, b.lighting),
    eyeContactSpeaking: mergeShares(a.eyeContactSpeaking, b.eyeContactSpeaking),
    eyeContactListening: mergeShares(a.eyeContactListening, b.eyeContactListening),
  };
}

const pointsOf = (t: PresenceTimeline, nodeIndex: (i: number) => number): TimelinePoint[] =>
  t.node.map((node, i) => ({
    node: nodeIndex(node),
    framing: t.framing[i]!,
    eyeContact: t.eyeContact[i]!,
    lighting: t.lighting[i]!,
    speaking: t.speaking[i]!,
  }));

function mergeTimelines(a: PresenceTimeline, b: PresenceTimeline): PresenceTimeline {
  const nodes = [...a.nodes, ...b.nodes.filter((id) => !a.nodes.includes(id))];
  // Both go to the coarser step (a whole number of the finer one), then the whole is fitted to the point limit.
  let stepMs = Math.max(a.stepMs, b.stepMs);
  const toStep = (t: PresenceTimeline, points: TimelinePoint[]) =>
    t.stepMs === stepMs ? points : downsampleTimeline(points, Math.max(1, Math.round(stepMs / t.stepMs)));
  let points = [
    ...toStep(
      a,
      pointsOf(a, (i) => i),
    ),
    ...toStep(
      b,
      pointsOf(b, (i) => nodes.indexOf(b.nodes[i]!)),
    ),
  ];
  if (points.length > MAX_TIMELINE_POINTS) {
    const size = Math.ceil(points.length / MAX_TIMELINE_POINTS);
    points = downsampleTimeline(points, size);
    stepMs *= size;
  }
  return {
    stepMs,
    nodes,
    node: points.map((p) => p.node),
    framing: points.map((p) => p.framing),
    eyeContact: points.map((p) => p.eyeContact),
    lighting: points.map((p) => p.lighting),
    speaking: points.map((p) => p.speaking),
  };
}

/** `earlier` then `later`, as one summary. Spoken turns are kept by step, the later one winning. */
export function mergePresenceSummaries(earlier: PresenceSummary, later: PresenceSummary): PresenceSummary {
  if (earlier.durationMs === 0 && !earlier.spoken?.length) return later;
  if (later.durationMs === 0 && !later.spoken?.length) return earlier;
  const nodes: Record<string, PresenceShares> = { ...earlier.nodes };
  for (const [id, shares] of Object.entries(later.nodes))
    nodes[id] = Object.hasOwn(nodes, id) ? mergePresenceShares(nodes[id]!, shares) : shares;
  const spokenByStep = new Map([...(earlier.spoken ?? []), ...(later.spoken ?? [])].map((t) => [t.step, t]));
  const spoken = [...spokenByStep.values()].sort((x, y) => x.step - y.step);
  return {
    version: later.version,
    durationMs: earlier.durationMs + later.durationMs,
    overall: mergePresenceShares(earlier.overall, later.overall),
    nodes,
    timeline: mergeTimelines(earlier.timeline, later.timeline),
    ...(spoken.length > 0 ? { spoken } : {}),
  };
}
