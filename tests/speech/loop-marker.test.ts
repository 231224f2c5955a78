// The voice benchmark's loop marker: found once per loop, at the tone's start, and never in speech itself.
import { describe, expect, it } from "vitest";
import { analyseRecording } from "~/core/speech/frame-features";
import { syntheticSpeech } from "~/core/speech/synthetic-speech";
import { LEAD_SILENCE_MS, MARKER_HZ, MARKER_MS, GAP_MS, markerOnsets } from "../../scripts/speech/loop-marker";

const RATE = 16_000;

function tone(ms: number): Float32Array {
  const out = new Float32Array((ms / 1000) * RATE);
  for (let i = 0; i < out.length; i++) {
    const t = i / RATE;
    out[i] =
      0.13 *
      (Math.sin(2 * Math.PI * MARKER_HZ * t) +
        Math.sin(4 * Math.PI * MARKER_HZ * t) +
        Math.sin(6 * Math.PI * MARKER_HZ * t));
  }
  return out;
}

const join = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const silence = (ms: number) => new Float32Array((ms / 1000) * RATE);
const speech = syntheticSpeech(
  [{ silenceMs: 800 }, { syllables: 12, rate: 4, pitchHz: 150, vibratoSt: 2 }, { silenceMs: 900 }],
  RATE,
);
const loop = join(silence(LEAD_SILENCE_MS), tone(MARKER_MS), silence(GAP_MS), speech);
const loopMs = (loop.length / RATE) * 1000;

describe("loop marker", () => {
  it("is found at the start of the tone in every loop, also when listening began mid-loop", () => {
    // Listening starts 2.5 s into the first loop (after its marker), as a browser that was slow to start would.
    const heard = join(loop, loop, loop).subarray(2.5 * RATE);
    const onsets = markerOnsets(analyseRecording(heard, RATE), 0);
    expect(onsets).toHaveLength(2);
    for (const [k, onset] of onsets.entries()) {
      const trueMs = (k + 1) * loopMs + LEAD_SILENCE_MS - 2500;
      expect(Math.abs(onset - trueMs)).toBeLessThanOrEqual(40);
    }
    expect(onsets[1]! - onsets[0]!).toBeCloseTo(loopMs, -1);
  });

  it("keeps stream numbering: frames that start later give later onsets by the same amount", () => {
    const frames = analyseRecording(loop, RATE);
    const [a] = markerOnsets(frames, 0);
    const [b] = markerOnsets(frames, 100);
    expect(b! - a!).toBe(1000);
  });

  it("is not found in speech at an adult voice's pitch, nor in a tone of another pitch", () => {
    const voiced = syntheticSpeech(
      [{ silenceMs: 500 }, { syllables: 30, rate: 4, pitchHz: 210, vibratoSt: 3 }, { silenceMs: 500 }],
      RATE,
    );
    expect(markerOnsets(analyseRecording(voiced, RATE), 0)).toEqual([]);
    const low = syntheticSpeech([{ silenceMs: 500 }, { syllables: 4, rate: 2, pitchHz: MARKER_HZ * 0.9 }], RATE);
    expect(markerOnsets(analyseRecording(low, RATE), 0)).toEqual([]);
  });
});
