// Lines up a looping fake-microphone file with the frames heard from it: each loop opens with a known silence and a
// steady 300 Hz tone (the marker), and the frames are placed in file time by where the speech detector puts that tone.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { frameCentreMs, HOP_MS, type SpeechFrame } from "~/core/speech/frame-features";
import { speechSegments, speechThreshold } from "~/core/speech/voice-activity";

/** The looped file: LEAD_SILENCE_MS of silence, the tone, GAP_MS of silence, then the fixture (its own lead, speech, tail). */
export const LEAD_SILENCE_MS = 1000;
export const MARKER_MS = 300;
export const MARKER_HZ = 300;
export const GAP_MS = 1500;
export const FIXTURE_START_MS = LEAD_SILENCE_MS + MARKER_MS + GAP_MS;
/** A run of at least this many frames with pitch within MARKER_TOLERANCE of the tone is the marker (speech never holds one pitch this steady). */
const MARKER_MIN_FRAMES = 15;
const MARKER_TOLERANCE = 0.03;

/** Writes `<name>-looped.wav`: silence, the marker tone, a gap, then the fixture WAV (same rate, mono, 16-bit). */
export function withLoopMarker(fixtureWav: string, sampleRate: number): string {
  const dir = path.dirname(fixtureWav);
  const base = path.basename(fixtureWav, ".wav");
  const marker = path.join(dir, `${base}-marker.wav`);
  const looped = path.join(dir, `${base}-looped.wav`);
  const format = ["-r", String(sampleRate), "-c", "1", "-b", "16"];
  // A tone with two harmonics at about -18 dBFS: loud and steady enough to find, shaped like a voice for the pitch tracker.
  execFileSync("sox", [
    "-n",
    ...format,
    marker,
    "synth",
    `${MARKER_MS / 1000}`,
    "sine",
    String(MARKER_HZ),
    "sine",
    "mix",
    String(2 * MARKER_HZ),
    "sine",
    "mix",
    String(3 * MARKER_HZ),
    "vol",
    "0.4",
    "pad",
    `${LEAD_SILENCE_MS / 1000}`,
    `${GAP_MS / 1000}`,
  ]);
  execFileSync("sox", [marker, fixtureWav, ...format, looped]);
  return looped;
}

/** Stream ms at which each marker tone starts, as the speech detector sees it (its own start-of-speech rule). */
export function markerOnsets(frames: readonly SpeechFrame[], firstIndex: number): number[] {
  const onsets: number[] = [];
  let run = 0;
  for (let i = 0; i <= frames.length; i++) {
    const hz = frames[i]?.pitchHz ?? 0;
    if (i < frames.length && Math.abs(hz - MARKER_HZ) <= MARKER_HZ * MARKER_TOLERANCE) {
      run++;
      continue;
    }
    if (run >= MARKER_MIN_FRAMES) {
      const runStart = i - run;
      // Judge loudness over the marker and the silence before it only, as a detector would at that moment.
      const from = Math.max(0, runStart - LEAD_SILENCE_MS / HOP_MS);
      const window = frames.slice(from, i);
      const segments = speechSegments(window, speechThreshold(window), firstIndex + from);
      const centre = frameCentreMs(firstIndex + runStart);
      const segment = segments.find((s) => s.startMs <= centre && s.endMs >= centre);
      if (segment) onsets.push(segment.startMs);
    }
    run = 0;
  }
  return onsets;
}
