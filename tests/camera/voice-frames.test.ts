// The voice frames as the AudioWorklet makes them (128-sample blocks) match the Node analysis of the whole recording,
// arrive in order on the page, and give the same per-turn figures.
import { describe, expect, it } from "vitest";
import {
  frameIndexAt,
  isFromVoiceWorklet,
  mixToMono,
  VoiceFrameBatcher,
  VoiceFrameStore,
  type VoiceFramesMessage,
} from "~/camera/voice-frames";
import { analyseRecording, frameCentreMs } from "~/core/speech/frame-features";
import { syntheticSpeech } from "~/core/speech/synthetic-speech";
import { measureTurn } from "~/core/speech/turn-measures";

const RATE = 48_000;
const speech = syntheticSpeech(
  [
    { silenceMs: 700 },
    { syllables: 8, rate: 4, pitchHz: 130 },
    { silenceMs: 600 },
    { syllables: 6, rate: 5 },
    { silenceMs: 500 },
  ],
  RATE,
  -55,
);

/** What the audio thread would post: the recording fed in render quanta of `block` samples. */
function batchesOf(samples: Float32Array, block = 128): VoiceFramesMessage[] {
  const batcher = new VoiceFrameBatcher(RATE);
  const out: VoiceFramesMessage[] = [];
  for (let i = 0; i < samples.length; i += block) out.push(...batcher.push(samples.subarray(i, i + block)));
  const last = batcher.flush();
  if (last) out.push(last);
  return out;
}

describe("voice frames from 128-sample blocks", () => {
  const batches = batchesOf(speech);

  it("are the frames the Node analysis finds in the whole recording, numbered from 0 without gaps", () => {
    const whole = analyseRecording(speech, RATE);
    expect(whole.length).toBeGreaterThan(300);
    const store = new VoiceFrameStore();
    for (const b of batches) expect(store.add(b)).toBe(true);
    const { frames, firstIndex } = store.slice(0);
    expect(firstIndex).toBe(0);
    expect(frames).toEqual(whole);
    batches.forEach((b, i) =>
      expect(b.firstIndex).toBe(i === 0 ? 0 : batches[i - 1]!.firstIndex + batches[i - 1]!.db.length),
    );
  });

  it("come five at a time (one message per 50 ms), the last batch holding what is left", () => {
    expect(batches.slice(0, -1).every((b) => b.db.length === 5 && b.pitchHz.length === 5)).toBe(true);
    expect(batches.at(-1)!.db.length).toBeGreaterThan(0);
    expect(batches.at(-1)!.db.length).toBeLessThanOrEqual(5);
  });

  it("do not depend on the block size", () => {
    const odd = batchesOf(speech, 333);
    expect(odd.flatMap((b) => b.db)).toEqual(batches.flatMap((b) => b.db));
  });

  it("give the same turn figures on the page as the Node analysis of the recording", () => {
    const store = new VoiceFrameStore();
    batches.forEach((b) => store.add(b));
    const fromMs = 200;
    const { frames, firstIndex } = store.sliceMs(fromMs);
    const onPage = measureTurn({ frames, firstIndex, patientEndMs: fromMs, patientSpeech: [] });
    const whole = analyseRecording(speech, RATE);
    const start = frameIndexAt(fromMs);
    const inNode = measureTurn({
      frames: whole.slice(start),
      firstIndex: start,
      patientEndMs: fromMs,
      patientSpeech: [],
    });
    expect(onPage).toEqual(inNode);
    expect(onPage.pauseCount).toBe(1);
    expect(Math.abs(onPage.onsetMs! - 500)).toBeLessThanOrEqual(60);
  });
});

describe("the page's frame store", () => {
  const batch = (firstIndex: number, n: number): VoiceFramesMessage => ({
    type: "frames",
    firstIndex,
    db: Array.from({ length: n }, (_, i) => -40 + firstIndex + i),
    pitchHz: Array.from({ length: n }, () => 120),
  });

  it("refuses a batch that leaves a gap or repeats frames, keeping what it had", () => {
    const store = new VoiceFrameStore();
    expect(store.add(batch(0, 5))).toBe(true);
    expect(store.add(batch(10, 5))).toBe(false);
    expect(store.add(batch(3, 5))).toBe(false);
    expect(store.end).toBe(5);
    expect(store.add(batch(5, 5))).toBe(true);
    expect(store.slice(0).frames.map((f) => f.db)).toEqual(Array.from({ length: 10 }, (_, i) => -40 + i));
  });

  it("drops the oldest frames past its limit and clips slices to what it keeps", () => {
    const store = new VoiceFrameStore(12);
    for (let i = 0; i < 4; i++) store.add(batch(i * 5, 5));
    expect(store.start).toBe(8);
    expect(store.end).toBe(20);
    const { frames, firstIndex } = store.slice(0, 10);
    expect(firstIndex).toBe(8);
    expect(frames.map((f) => f.db)).toEqual([-32, -31]);
  });

  it("finds the first frame whose centre is at or after a stream time", () => {
    for (const ms of [0, 5, 14.9, 15, 15.1, 1234]) {
      const i = frameIndexAt(ms);
      expect(frameCentreMs(i)).toBeGreaterThanOrEqual(ms);
      if (i > 0) expect(frameCentreMs(i - 1)).toBeLessThan(ms);
    }
  });
});

describe("messages from the audio thread", () => {
  it("are numbers only, in matching lists", () => {
    expect(isFromVoiceWorklet({ type: "frames", firstIndex: 0, db: [-30], pitchHz: [120] })).toBe(true);
    expect(isFromVoiceWorklet({ type: "started", sampleRate: 48000, analysisRate: 16000, contextTimeSec: 0.1 })).toBe(
      true,
    );
    expect(isFromVoiceWorklet({ type: "frames", firstIndex: 0, db: [-30, -31], pitchHz: [120] })).toBe(false);
    expect(isFromVoiceWorklet({ type: "frames", firstIndex: -5, db: [], pitchHz: [] })).toBe(false);
    expect(isFromVoiceWorklet({ type: "frames", firstIndex: 0, db: ["loud"], pitchHz: [0] })).toBe(false);
    expect(isFromVoiceWorklet({ type: "frames", firstIndex: 0, db: [NaN], pitchHz: [0] })).toBe(false);
    expect(isFromVoiceWorklet({ type: "samples", data: [0.1, 0.2] })).toBe(false);
  });

  it("mix a stereo block to mono and pass a mono block through", () => {
    const left = Float32Array.from([1, 0, -1]);
    const right = Float32Array.from([0, 0, 1]);
    expect(Array.from(mixToMono([left, right]))).toEqual([0.5, 0, 0]);
    expect(mixToMono([left])).toBe(left);
    expect(mixToMono([]).length).toBe(0);
  });
});
