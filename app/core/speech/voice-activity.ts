// Finds when the clinician was speaking in a run of frames: speech segments, the pauses between them, the level that counts as speech.
import { frameCentreMs, HOP_MS, type SpeechFrame } from "./frame-features";

/** A silence at least this long between two stretches of speech is a pause (Goldman-Eisler's 250 ms; de Jong and Bosker 2013). */
export const PAUSE_MIN_MS = 250;
/** A burst of sound shorter than this is a click or a cough, not speech. */
export const SPEECH_MIN_MS = 100;
/** Speech must be this far above the quiet floor of the recording. */
export const SPEECH_ABOVE_FLOOR_DB = 12;
/** ...and no more than this far below its loudest moments (de Jong and Wempe use 25 dB for silence; a little wider here). */
export const SPEECH_BELOW_PEAK_DB = 30;
/** Anything quieter than this (dB full scale) is never speech, however quiet the room. */
export const SPEECH_MIN_DB = -60;

export interface Segment {
  startMs: number;
  endMs: number;
}

/** The value below which `share` of the numbers lie (nearest rank). */
export function quantile(values: ArrayLike<number>, share: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(share * (sorted.length - 1))))]!;
}

/** The loudness (dB) a frame needs to count as speech, judged from the frames themselves; Infinity when nothing stands out. */
export function speechThreshold(frames: readonly SpeechFrame[]): number {
  const dbs = frames.map((f) => f.db);
  const floor = quantile(dbs, 0.05);
  const peak = quantile(dbs, 0.99);
  if (!(peak >= floor + SPEECH_ABOVE_FLOOR_DB)) return Number.POSITIVE_INFINITY;
  return Math.max(SPEECH_MIN_DB, floor + SPEECH_ABOVE_FLOOR_DB, peak - SPEECH_BELOW_PEAK_DB);
}

/**
 * Stretches of speech, in ms from the start of the stream. `firstIndex` is the stream index of frames[0].
 * Silences shorter than PAUSE_MIN_MS are part of the speech around them; bursts shorter than SPEECH_MIN_MS are dropped.
 */
export function speechSegments(frames: readonly SpeechFrame[], threshold: number, firstIndex = 0): Segment[] {
  const runs: Segment[] = [];
  let start = -1;
  for (let i = 0; i <= frames.length; i++) {
    const loud = i < frames.length && frames[i]!.db >= threshold;
    if (loud && start < 0) start = i;
    if (!loud && start >= 0) {
      runs.push({
        startMs: frameCentreMs(firstIndex + start) - HOP_MS / 2,
        endMs: frameCentreMs(firstIndex + i - 1) + HOP_MS / 2,
      });
      start = -1;
    }
  }
  const merged: Segment[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && run.startMs - last.endMs < PAUSE_MIN_MS) last.endMs = run.endMs;
    else merged.push({ ...run });
  }
  return merged.filter((s) => s.endMs - s.startMs >= SPEECH_MIN_MS);
}

/** The silences between consecutive segments (each at least PAUSE_MIN_MS by construction). */
export function pausesBetween(segments: readonly Segment[]): Segment[] {
  return segments.slice(1).map((s, i) => ({ startMs: segments[i]!.endMs, endMs: s.startMs }));
}

export function totalMs(segments: readonly Segment[]): number {
  return segments.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
}

/** How much of `a` overlaps any of `b` (both sorted, non-overlapping lists). */
export function overlapMs(a: readonly Segment[], b: readonly Segment[]): number {
  let total = 0;
  for (const x of a)
    for (const y of b) total += Math.max(0, Math.min(x.endMs, y.endMs) - Math.max(x.startMs, y.startMs));
  return total;
}
