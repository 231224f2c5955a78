// The voice measures against speech with known answers: espeak-ng sentences with sox-inserted silences (see the fixtures).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeSpeechFixture, speechToolsMissing } from "../../scripts/speech/espeak-fixtures";
import { measureFixture } from "../../scripts/speech/score-fixture";

const missing = speechToolsMissing();
const dir = mkdtempSync(path.join(tmpdir(), "webside-speech-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// CI installs espeak-ng and sox (.ci/run); elsewhere the reason for skipping is printed in the test name.
describe.skipIf(missing !== null)(
  `voice measures on espeak-ng speech${missing ? ` (skipped: ${missing})` : ""}`,
  () => {
    const cases = [
      { name: "slow", voice: "en-gb", wordsPerMinute: 120, leadMs: 800, pausesMs: [600], tailMs: 900 },
      { name: "fast", voice: "en-us+f3", wordsPerMinute: 220, leadMs: 1300, pausesMs: [400, 1000], tailMs: 900 },
    ];
    const measured = cases.map((spec) => {
      const fixture = makeSpeechFixture(dir, spec);
      return { fixture, m: measureFixture(fixture) };
    });

    it.each(measured.map((x) => [x.fixture.spec.name, x] as const))(
      "%s: onset within 100 ms, speaking time within 10%, every pause found",
      (_name, { fixture, m }) => {
        expect(Math.abs(m.onsetMs! - fixture.truth.onsetMs)).toBeLessThanOrEqual(100);
        expect(Math.abs(m.speakingMs - fixture.truth.speakingMs) / fixture.truth.speakingMs).toBeLessThanOrEqual(0.1);
        expect(m.pauseCount).toBe(fixture.truth.pauseCount);
      },
    );

    it.each(measured.map((x) => [x.fixture.spec.name, x] as const))(
      "%s: calibrated syllable rate within 15%",
      (_name, { fixture, m }) => {
        expect(
          Math.abs(m.syllablesPerSecond! - fixture.truth.syllablesPerSecond) / fixture.truth.syllablesPerSecond,
        ).toBeLessThanOrEqual(0.15);
      },
    );

    it("ranks the faster file as faster", () => {
      expect(measured[1]!.m.syllablesPerSecond!).toBeGreaterThan(measured[0]!.m.syllablesPerSecond! * 1.3);
    });
  },
);
