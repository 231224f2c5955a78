// Judges one analysed frame against the thresholds: a raw state per check, before any smoothing.
import type { FrameMeasurement } from "./frame-measurement";
import {
  BACKLIGHT_MAX_RATIO,
  CENTRE_MAX_OFFSET,
  EYE_LINE_MAX_Y,
  EYE_LINE_MIN_Y,
  FACE_LUMA_MAX,
  FACE_LUMA_MIN,
  FACE_WIDTH_MAX,
  FACE_WIDTH_MIN,
  HEAD_PITCH_MAX_DEG,
  HEAD_YAW_MAX_DEG,
} from "./thresholds";

export type PresenceState = "present" | "absent" | "far";
/** left/right: the face sits too near that edge of the unmirrored camera image (so the person should move to their own left/right). */
export type CentringState = "ok" | "left" | "right";
/** too-high: the eyes are too near the top of the frame. */
export type EyeLineState = "ok" | "too-high" | "too-low";
export type DistanceState = "ok" | "too-close" | "too-far";
export type HeadInFrameState = "ok" | "cut-off";
export type HeadPoseState = "ok" | "turned";
export type LightingState = "ok" | "too-dark" | "too-bright";
export type BacklightState = "ok" | "backlit";
export type EyeContactState = "looking" | "away";

export interface CheckStates {
  presence: PresenceState;
  centring: CentringState;
  eyeLine: EyeLineState;
  distance: DistanceState;
  headInFrame: HeadInFrameState;
  headPose: HeadPoseState;
  lighting: LightingState;
  backlight: BacklightState;
  eyeContact: EyeContactState;
}

export type CheckName = keyof CheckStates;

/** A check's state in one frame, or null when that frame says nothing about it (e.g. no face, no iris). */
export type FrameStates = { [K in CheckName]: CheckStates[K] | null };

export interface ClassifiedFrame {
  t: number;
  /** Whether the clinician was speaking at this moment (from the microphone), so eye contact can be split. */
  speaking: boolean;
  states: FrameStates;
}

export const CHECK_NAMES = [
  "presence",
  "centring",
  "eyeLine",
  "distance",
  "headInFrame",
  "headPose",
  "lighting",
  "backlight",
  "eyeContact",
] as const satisfies readonly CheckName[];

export const GOOD_STATES = {
  presence: "present",
  centring: "ok",
  eyeLine: "ok",
  distance: "ok",
  headInFrame: "ok",
  headPose: "ok",
  lighting: "ok",
  backlight: "ok",
  eyeContact: "looking",
} as const satisfies CheckStates;

export function isGood<K extends CheckName>(check: K, state: CheckStates[K]): boolean {
  return GOOD_STATES[check] === state;
}

export function classifyFrame(m: FrameMeasurement, mic: { speaking: boolean } = { speaking: false }): ClassifiedFrame {
  const face = m.facePresent;
  const states: FrameStates = {
    presence: face ? "present" : m.farFace ? "far" : "absent",
    centring:
      face && m.centreOffsetX !== undefined
        ? band(m.centreOffsetX, -CENTRE_MAX_OFFSET, CENTRE_MAX_OFFSET, "left", "ok", "right")
        : null,
    eyeLine:
      face && m.eyeLineY !== undefined
        ? band(m.eyeLineY, EYE_LINE_MIN_Y, EYE_LINE_MAX_Y, "too-high", "ok", "too-low")
        : null,
    distance:
      face && m.faceBox ? band(m.faceBox.width, FACE_WIDTH_MIN, FACE_WIDTH_MAX, "too-far", "ok", "too-close") : null,
    headInFrame:
      face && m.headTopInFrame !== undefined && m.chinInFrame !== undefined
        ? m.headTopInFrame && m.chinInFrame
          ? "ok"
          : "cut-off"
        : null,
    headPose:
      face && m.yaw !== undefined && m.pitch !== undefined
        ? Math.abs(m.yaw) <= HEAD_YAW_MAX_DEG && Math.abs(m.pitch) <= HEAD_PITCH_MAX_DEG
          ? "ok"
          : "turned"
        : null,
    lighting:
      face && m.faceLuma !== undefined
        ? band(m.faceLuma, FACE_LUMA_MIN, FACE_LUMA_MAX, "too-dark", "ok", "too-bright")
        : null,
    backlight: face && m.contrast !== undefined ? (m.contrast > BACKLIGHT_MAX_RATIO ? "backlit" : "ok") : null,
    eyeContact: face && m.gazeAtLens !== undefined ? (m.gazeAtLens ? "looking" : "away") : null,
  };
  return { t: m.t, speaking: mic.speaking, states };
}

/** below / within / above an inclusive range. */
function band<S>(value: number, min: number, max: number, below: S, within: S, above: S): S {
  if (value < min) return below;
  if (value > max) return above;
  return within;
}
