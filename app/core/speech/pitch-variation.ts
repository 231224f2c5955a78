// How much the voice's pitch moves, in semitones: a monotony indicator, reported only when there is enough voiced sound.
import type { SpeechFrame } from "./frame-features";
import { quantile } from "./voice-activity";

/** Fewer voiced frames than this (10 ms each) and the figure is not reported. */
export const PITCH_MIN_VOICED_FRAMES = 80;
/** Frames more than an octave from the median are taken as tracking errors (octave jumps), not intonation. */
const OUTLIER_SEMITONES = 12;

/** Standard deviation of voiced pitch in semitones around its median; null when too little voice was heard. */
export function pitchVariationSemitones(frames: readonly SpeechFrame[]): number | null {
  const voiced = frames.map((f) => f.pitchHz).filter((hz) => hz > 0);
  if (voiced.length < PITCH_MIN_VOICED_FRAMES) return null;
  const median = quantile(voiced, 0.5);
  const semitones = voiced.map((hz) => 12 * Math.log2(hz / median)).filter((st) => Math.abs(st) <= OUTLIER_SEMITONES);
  if (semitones.length < PITCH_MIN_VOICED_FRAMES) return null;
  const mean = semitones.reduce((a, b) => a + b, 0) / semitones.length;
  const variance = semitones.reduce((a, b) => a + (b - mean) ** 2, 0) / semitones.length;
  return Math.sqrt(variance);
}
