// Decides, while the clinician is answering aloud, when they have said enough for the written responses to appear.
import { frameCentreMs, type SpeechFrame } from "./frame-features";
import { speechSegments, speechThreshold, totalMs } from "./voice-activity";

/** Speech needed before the responses appear (the "about 1.5 s of speech"). */
export const REVEAL_MIN_SPEECH_MS = 1500;
/** ...followed by a silence this long: the end of a thought, longer than the pauses inside a sentence. */
export const REVEAL_PAUSE_MS = 700;

export interface RevealProgress {
  speechMs: number;
  /** True while the last frame counts as speech. */
  speaking: boolean;
  ready: boolean;
}

/**
 * Judges the frames heard since the patient finished (speech over the read-aloud does not count: with loudspeakers
 * it may be the patient's own voice). `firstIndex` is the stream index of frames[0]; `nowIndex` the latest frame.
 */
export function revealProgress(frames: readonly SpeechFrame[], firstIndex: number): RevealProgress {
  if (frames.length === 0) return { speechMs: 0, speaking: false, ready: false };
  const threshold = speechThreshold(frames);
  const segments = speechSegments(frames, threshold, firstIndex);
  const speechMs = totalMs(segments);
  const nowMs = frameCentreMs(firstIndex + frames.length - 1);
  const last = segments.at(-1);
  const speaking = frames.at(-1)!.db >= threshold;
  const ready = speechMs >= REVEAL_MIN_SPEECH_MS && !!last && !speaking && nowMs - last.endMs >= REVEAL_PAUSE_MS;
  return { speechMs, speaking, ready };
}
