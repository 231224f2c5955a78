// The camera's verdicts during the clinician's speech in one turn: how much of the speaking time they looked at the lens.
import type { SpokenCamera } from "./spoken-turn-schema";
import type { Segment } from "./voice-activity";

/** One reading from the camera analysis, on the voice stream's clock (ms). null means the camera could not tell. */
export interface CameraReading {
  tMs: number;
  eyeContact: boolean | null;
  framingOk: boolean | null;
  lightingOk: boolean | null;
}

/** A reading holds until the next one, but no longer than this (the camera stopped or the tab was hidden). */
export const READING_HOLD_MS = 1000;

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Shares of speaking time (within `segments`) with each verdict, from readings in time order. null when the camera
 * saw none of the speech (off, or no speech).
 */
export function cameraWhileSpeaking(
  readings: readonly CameraReading[],
  segments: readonly Segment[],
): SpokenCamera | null {
  let seen = 0;
  const yes = { eyeContact: 0, framingOk: 0, lightingOk: 0 };
  const known = { eyeContact: 0, framingOk: 0, lightingOk: 0 };
  readings.forEach((reading, i) => {
    const end = Math.min(readings[i + 1]?.tMs ?? Infinity, reading.tMs + READING_HOLD_MS);
    let inSpeech = 0;
    for (const s of segments) inSpeech += Math.max(0, Math.min(end, s.endMs) - Math.max(reading.tMs, s.startMs));
    if (inSpeech <= 0) return;
    seen += inSpeech;
    for (const key of ["eyeContact", "framingOk", "lightingOk"] as const) {
      if (reading[key] === null) continue;
      known[key] += inSpeech;
      if (reading[key]) yes[key] += inSpeech;
    }
  });
  if (seen <= 0) return null;
  const share = (key: keyof typeof yes) => (known[key] > 0 ? round3(yes[key] / known[key]) : null);
  return {
    ms: Math.round(seen),
    eyeContact: share("eyeContact"),
    framingOk: share("framingOk"),
    lightingOk: share("lightingOk"),
  };
}
