// Records how a clinician came across on camera during an attempt: share of time per state, per node and overall, plus a timeline.
import type { ClassifiedFrame, FrameStates } from "./classify";
import {
  EYE_CONTACT_KEYS,
  FRAMING_KEYS,
  LIGHTING_KEYS,
  MAX_TIMELINE_POINTS,
  PRESENCE_SUMMARY_VERSION,
  timelineCode,
  type EyeContactKey,
  type FramingKey,
  type LightingKey,
  type PresenceShares,
  type PresenceSummary,
  type PresenceTimeline,
} from "./presence-summary-schema";
import { MAX_FRAME_HOLD_MS } from "./thresholds";

export * from "./presence-summary-schema";
export { presenceTips, type PresenceTip } from "./presence-tips";

/** One timeline point per this many ms before any downsampling. */
export const TIMELINE_STEP_MS = 1000;

/** The single framing verdict for a frame: the most important problem, or ok (null when nothing about framing is known). */
export function framingKeyOf(s: FrameStates): FramingKey | null {
  if (s.presence === null) return null;
  if (s.presence === "absent") return "no-face";
  if (s.presence === "far" || s.distance === "too-far") return "too-far";
  if (s.distance === "too-close") return "too-close";
  if (s.headInFrame === "cut-off") return "cut-off";
  if (s.centring === "left" || s.centring === "right") return "off-centre";
  if (s.eyeLine === "too-high" || s.eyeLine === "too-low") return "eye-line";
  if (s.headPose === "turned") return "turned";
  return s.distance === null && s.centring === null ? null : "ok";
}

export function lightingKeyOf(s: FrameStates): LightingKey | null {
  if (s.backlight === "backlit") return "backlit";
  return s.lighting;
}

class Tally {
  ms = 0;
  framing = new Map<FramingKey, number>();
  lighting = new Map<LightingKey, number>();
  speaking = new Map<EyeContactKey, number>();
  listening = new Map<EyeContactKey, number>();

  add(frame: ClassifiedFrame, dt: number) {
    this.ms += dt;
    addTo(this.framing, framingKeyOf(frame.states), dt);
    addTo(this.lighting, lightingKeyOf(frame.states), dt);
    addTo(frame.speaking ? this.speaking : this.listening, frame.states.eyeContact, dt);
  }

  shares(): PresenceShares {
    return {
      ms: Math.round(this.ms),
      framing: sharesOf(FRAMING_KEYS, this.framing),
      lighting: sharesOf(LIGHTING_KEYS, this.lighting),
      eyeContactSpeaking: sharesOf(EYE_CONTACT_KEYS, this.speaking),
      eyeContactListening: sharesOf(EYE_CONTACT_KEYS, this.listening),
    };
  }
}

/** One timeline step while it is being filled. */
class Step {
  node = new Map<number, number>();
  framing = new Map<number, number>();
  eyeContact = new Map<number, number>();
  lighting = new Map<number, number>();
  speakingMs = 0;
  ms = 0;

  constructor(readonly index: number) {}

  add(frame: ClassifiedFrame, nodeIndex: number, dt: number) {
    const s = frame.states;
    this.ms += dt;
    if (frame.speaking) this.speakingMs += dt;
    addTo(this.node, nodeIndex, dt);
    const framing = framingKeyOf(s);
    const lighting = lightingKeyOf(s);
    if (framing) addTo(this.framing, timelineCode(FRAMING_KEYS, framing), dt);
    if (s.eyeContact) addTo(this.eyeContact, timelineCode(EYE_CONTACT_KEYS, s.eyeContact), dt);
    if (lighting) addTo(this.lighting, timelineCode(LIGHTING_KEYS, lighting), dt);
  }
}

/** One timeline step's readings (the codes of presence-summary-schema.ts). */
export type TimelinePoint = { node: number; framing: number; eyeContact: number; lighting: number; speaking: number };

export interface PresenceRecorder {
  /** Feeds one classified frame and the scenario node the clinician was on. Frames must come in time order. */
  record(frame: ClassifiedFrame, nodeId: string): void;
  summary(): PresenceSummary;
}

export function createPresenceRecorder(maxPoints = MAX_TIMELINE_POINTS): PresenceRecorder {
  const overall = new Tally();
  const byNode = new Map<string, Tally>();
  const nodeIds: string[] = [];
  const points: TimelinePoint[] = [];
  let previous: { frame: ClassifiedFrame; nodeIndex: number } | undefined;
  let start = 0;
  let step: Step | undefined;

  const closeStep = (s: Step) => points.push(pointOf(s, points.at(-1)?.node ?? 0));

  return {
    record(frame, nodeId) {
      if (previous && frame.t <= previous.frame.t) return;
      if (!byNode.has(nodeId)) {
        byNode.set(nodeId, new Tally());
        nodeIds.push(nodeId);
      }
      if (previous) {
        // Each frame's states hold until the next frame, but a long gap (camera off, tab hidden) counts only briefly.
        const dt = Math.min(frame.t - previous.frame.t, MAX_FRAME_HOLD_MS);
        const { frame: before, nodeIndex } = previous;
        overall.add(before, dt);
        byNode.get(nodeIds[nodeIndex]!)!.add(before, dt);
        const index = Math.floor((before.t - start) / TIMELINE_STEP_MS);
        if (!step || index > step.index) {
          if (step) closeStep(step);
          // Steps with no frames at all get a point of zeros (no reading).
          for (let gap = (step?.index ?? -1) + 1; gap < index; gap++)
            points.push({ ...EMPTY_POINT, node: points.at(-1)?.node ?? nodeIndex });
          step = new Step(index);
        }
        step.add(before, nodeIndex, dt);
      } else {
        start = frame.t;
      }
      previous = { frame, nodeIndex: nodeIds.indexOf(nodeId) };
    },

    summary() {
      const all = step && step.ms > 0 ? [...points, pointOf(step, points.at(-1)?.node ?? 0)] : [...points];
      const groupSize = Math.max(1, Math.ceil(all.length / maxPoints));
      const merged = groupSize === 1 ? all : downsampleTimeline(all, groupSize);
      const timeline: PresenceTimeline = {
        stepMs: TIMELINE_STEP_MS * groupSize,
        nodes: [...nodeIds],
        node: merged.map((p) => p.node),
        framing: merged.map((p) => p.framing),
        eyeContact: merged.map((p) => p.eyeContact),
        lighting: merged.map((p) => p.lighting),
        speaking: merged.map((p) => p.speaking),
      };
      return {
        version: PRESENCE_SUMMARY_VERSION,
        durationMs: Math.round(overall.ms),
        overall: overall.shares(),
        nodes: Object.fromEntries(nodeIds.map((id) => [id, byNode.get(id)!.shares()])),
        timeline,
      };
    },
  };
}

const EMPTY_POINT: TimelinePoint = { node: 0, framing: 0, eyeContact: 0, lighting: 0, speaking: 0 };

function pointOf(s: Step, fallbackNode: number): TimelinePoint {
  return {
    node: dominant(s.node) ?? fallbackNode,
    framing: dominant(s.framing) ?? 0,
    eyeContact: dominant(s.eyeContact) ?? 0,
    lighting: dominant(s.lighting) ?? 0,
    speaking: s.ms > 0 && s.speakingMs * 2 >= s.ms ? 1 : 0,
  };
}

/** Merges runs of `size` points: the commonest reading per column (ties go to the higher code, so problems stay visible). */
export function downsampleTimeline(points: TimelinePoint[], size: number): TimelinePoint[] {
  const out: TimelinePoint[] = [];
  for (let i = 0; i < points.length; i += size) {
    const group = points.slice(i, i + size);
    const commonest = (column: keyof TimelinePoint, skipZero: boolean) => {
      const counts = new Map<number, number>();
      for (const p of group) if (!skipZero || p[column] !== 0) addTo(counts, p[column], 1);
      return dominant(counts) ?? 0;
    };
    out.push({
      node: commonest("node", false),
      framing: commonest("framing", true),
      eyeContact: commonest("eyeContact", true),
      lighting: commonest("lighting", true),
      speaking: group.filter((p) => p.speaking === 1).length * 2 >= group.length ? 1 : 0,
    });
  }
  return out;
}

function addTo<K>(map: Map<K, number>, key: K | null, amount: number) {
  if (key !== null) map.set(key, (map.get(key) ?? 0) + amount);
}

/** The key with the most weight; ties go to the larger key when keys are numbers. */
function dominant(map: Map<number, number>): number | undefined {
  let best: [number, number] | undefined;
  for (const [key, weight] of map)
    if (!best || weight > best[1] || (weight === best[1] && key > best[0])) best = [key, weight];
  return best?.[0];
}

function sharesOf<K extends string>(keys: readonly K[], map: Map<K, number>): { ms: number } & Record<K, number> {
  const total = [...map.values()].reduce((a, b) => a + b, 0);
  const shares = Object.fromEntries(
    keys.map((k) => [k, total > 0 ? Math.round(((map.get(k) ?? 0) / total) * 10_000) / 10_000 : 0]),
  );
  return { ms: Math.round(total), ...(shares as Record<K, number>) };
}
