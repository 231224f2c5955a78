import { describe, expect, it } from "vitest";
import { analyseRecording, FrameAnalyser } from "./frame-features";
import { pitchVariationSemitones } from "./pitch-variation";
import { revealProgress, REVEAL_PAUSE_MS } from "./reveal";
import { syntheticSpeech } from "./synthetic-speech";
import { SYLLABLE_CALIBRATION, syllableNuclei } from "./syllable-nuclei";
import { measureTurn, speechSegmentsOf } from "./turn-measures";

const RATE = 16_000;
const measure = (
  samples: Float32Array,
  patientEndMs = 0,
  patientSpeech: Array<{ startMs: number; endMs: number }> = [],
) => measureTurn({ frames: analyseRecording(samples, RATE), firstIndex: 0, patientEndMs, patientSpeech });

describe("turn measures on synthetic speech with known answers", () => {
  const recording = syntheticSpeech(
    [
      { silenceMs: 1200 },
      { syllables: 10, rate: 5, pitchHz: 130 },
      { silenceMs: 600 },
      { syllables: 4, rate: 4, pitchHz: 130 },
      { silenceMs: 1000 },
    ],
    RATE,
  );

  it("finds the onset, speaking time and the one pause", () => {
    const m = measure(recording);
    expect(Math.abs(m.onsetMs! - 1200)).toBeLessThanOrEqual(40);
    expect(Math.abs(m.speakingMs - 3000)).toBeLessThanOrEqual(150);
    expect(m.pauseCount).toBe(1);
    expect(Math.abs(m.longestPauseMs - 600)).toBeLessThanOrEqual(80);
    expect(m.talkOverMs).toBe(0);
  });

  it("counts one nucleus per syllable, and the rate is the calibrated count over the speaking time", () => {
    const frames = analyseRecording(recording, RATE);
    const segments = speechSegmentsOf({ frames, firstIndex: 0 });
    expect(syllableNuclei(frames, segments)).toHaveLength(14);
    const m = measure(recording);
    expect(m.syllablesPerSecond).toBeCloseTo((14 * SYLLABLE_CALIBRATION) / (m.speakingMs / 1000), 1);
  });

  it("measures the onset from when the patient finished, and speech over the patient as talk-over", () => {
    const m = measure(recording, 1500, [{ startMs: 0, endMs: 1500 }]);
    expect(Math.abs(m.onsetMs! - -300)).toBeLessThanOrEqual(40);
    expect(Math.abs(m.talkOverMs - 300)).toBeLessThanOrEqual(40);
  });

  it("does not count a silence shorter than 250 ms as a pause", () => {
    const short = syntheticSpeech(
      [
        { silenceMs: 500 },
        { syllables: 5, rate: 5 },
        { silenceMs: 180 },
        { syllables: 5, rate: 5 },
        { silenceMs: 500 },
      ],
      RATE,
    );
    expect(measure(short).pauseCount).toBe(0);
    const long = syntheticSpeech(
      [
        { silenceMs: 500 },
        { syllables: 5, rate: 5 },
        { silenceMs: 320 },
        { syllables: 5, rate: 5 },
        { silenceMs: 500 },
      ],
      RATE,
    );
    expect(measure(long).pauseCount).toBe(1);
  });

  it("reports nothing spoken for silence, and for steady room noise", () => {
    for (const samples of [
      syntheticSpeech([{ silenceMs: 3000 }], RATE),
      syntheticSpeech([{ silenceMs: 3000 }], RATE, -50),
    ]) {
      const m = measure(samples);
      expect(m.onsetMs).toBeNull();
      expect(m.speakingMs).toBe(0);
      expect(m.syllablesPerSecond).toBeNull();
    }
  });

  it("still finds the speech above room noise 30 dB below it", () => {
    const noisy = syntheticSpeech([{ silenceMs: 1000 }, { syllables: 12, rate: 4 }, { silenceMs: 1000 }], RATE, -50);
    const m = measure(noisy);
    expect(Math.abs(m.onsetMs! - 1000)).toBeLessThanOrEqual(60);
    expect(Math.abs(m.speakingMs - 3000)).toBeLessThanOrEqual(200);
  });

  it("counts faster speech as faster: ranking of rates is preserved", () => {
    const rates = [3, 4, 5, 6].map(
      (rate) =>
        measure(syntheticSpeech([{ silenceMs: 500 }, { syllables: rate * 4, rate }, { silenceMs: 500 }], RATE))
          .syllablesPerSecond!,
    );
    expect([...rates].sort((a, b) => a - b)).toEqual(rates);
    expect(new Set(rates).size).toBe(4);
  });
});

describe("pitch", () => {
  it("tracks a steady 150 Hz voice within 2%, at 48 kHz too", () => {
    for (const rate of [16_000, 48_000]) {
      const frames = new FrameAnalyser(rate).push(syntheticSpeech([{ syllables: 8, rate: 4, pitchHz: 150 }], rate));
      const voiced = frames.map((f) => f.pitchHz).filter((hz) => hz > 0);
      expect(voiced.length).toBeGreaterThan(frames.length * 0.6);
      const median = [...voiced].sort((a, b) => a - b)[Math.floor(voiced.length / 2)]!;
      expect(Math.abs(median - 150) / 150).toBeLessThan(0.02);
    }
  });

  it("gives the semitone spread of the intonation: 0 for a monotone, 4/sqrt 2 for a 4-semitone swing", () => {
    const flat = analyseRecording(syntheticSpeech([{ syllables: 16, rate: 4, pitchHz: 140 }], RATE), RATE);
    expect(pitchVariationSemitones(flat)).toBeLessThan(0.3);
    const lively = analyseRecording(
      syntheticSpeech([{ syllables: 16, rate: 4, pitchHz: 140, vibratoSt: 4 }], RATE),
      RATE,
    );
    expect(Math.abs(pitchVariationSemitones(lively)! - 4 / Math.SQRT2)).toBeLessThan(0.4);
  });

  it("reports no pitch variation from too little voice", () => {
    expect(
      pitchVariationSemitones(analyseRecording(syntheticSpeech([{ syllables: 2, rate: 4 }], RATE), RATE)),
    ).toBeNull();
  });
});

describe("revealing the responses", () => {
  const frames = analyseRecording(
    syntheticSpeech([{ silenceMs: 800 }, { syllables: 8, rate: 4 }, { silenceMs: 1500 }], RATE),
    RATE,
  );
  const at = (ms: number) => revealProgress(frames.slice(0, Math.round(ms / 10)), 0);

  it("waits while the clinician has said under 1.5 s", () => {
    expect(at(2000).ready).toBe(false);
    expect(at(2000).speaking).toBe(true);
  });

  it("waits during the speech and a short silence, then reveals after the pause", () => {
    // Speech runs from 0.8 s to 2.8 s.
    expect(at(2800 + REVEAL_PAUSE_MS - 200).ready).toBe(false);
    expect(at(2800 + REVEAL_PAUSE_MS + 150).ready).toBe(true);
  });

  it("never reveals on silence alone", () => {
    const quiet = analyseRecording(syntheticSpeech([{ silenceMs: 5000 }], RATE, -55), RATE);
    expect(revealProgress(quiet, 0).ready).toBe(false);
  });
});
