// Counts syllables from the loudness envelope, after de Jong and Wempe (2009): voiced intensity peaks that stand out.
import { frameCentreMs, type SpeechFrame } from "./frame-features";
import { quantile, type Segment } from "./voice-activity";

/** A peak must be within this many dB of the loudest 1% of the frames (de Jong and Wempe's "silence threshold" of -25 dB). */
export const NUCLEUS_BELOW_PEAK_DB = 25;
/** A peak counts only if the loudness dips at least this much before the next peak (their "minimum dip" of 2 dB). */
export const NUCLEUS_MIN_DIP_DB = 2;
/**
 * Long vowels can show two loudness peaks, so raw counts run high (by about 18% on espeak-ng speech, more when slow).
 * One constant, the median of true/raw over espeak-ng speech at four rates and two voices (npm run bench:speech, ADR 0061).
 */
export const SYLLABLE_CALIBRATION = 0.85;

/** Frame indexes (into `frames`) of the syllable nuclei that lie inside the speech segments. */
export function syllableNuclei(frames: readonly SpeechFrame[], segments: readonly Segment[], firstIndex = 0): number[] {
  if (frames.length < 3 || segments.length === 0) return [];
  const threshold =
    quantile(
      frames.map((f) => f.db),
      0.99,
    ) - NUCLEUS_BELOW_PEAK_DB;
  const inSpeech = (i: number) => {
    const t = frameCentreMs(firstIndex + i);
    return segments.some((s) => t >= s.startMs && t <= s.endMs);
  };
  const peaks: number[] = [];
  for (let i = 1; i < frames.length - 1; i++) {
    const db = frames[i]!.db;
    // ">=" on the left and ">" on the right picks the first frame of a flat top once.
    if (db > threshold && db >= frames[i - 1]!.db && db > frames[i + 1]!.db && inSpeech(i)) peaks.push(i);
  }
  const nuclei: number[] = [];
  for (let p = 0; p < peaks.length; p++) {
    const at = peaks[p]!;
    const until = peaks[p + 1] ?? frames.length;
    let dip = Number.POSITIVE_INFINITY;
    for (let i = at + 1; i < until; i++) dip = Math.min(dip, frames[i]!.db);
    if (until === frames.length && dip === Number.POSITIVE_INFINITY) continue;
    if (frames[at]!.db - dip <= NUCLEUS_MIN_DIP_DB) continue;
    // Only voiced peaks are vowels; a loud unvoiced peak is a fricative or a burst.
    const voiced = [at - 2, at - 1, at, at + 1, at + 2].some((i) => (frames[i]?.pitchHz ?? 0) > 0);
    if (voiced) nuclei.push(at);
  }
  return nuclei;
}
