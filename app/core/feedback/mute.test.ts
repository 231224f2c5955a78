import { describe, expect, it } from "vitest";
import {
  MUTED_SPEECH_MS,
  ON_MUTE_HOLD_MS,
  SPEAKING_HANGOVER_MS,
  createMuteDetector,
  createSpeakingDetector,
} from "./mute";

const STEP = 20; // level readings every 20 ms
const LOUD = 0.1;
const QUIET = 0.005;

/** Runs level readings from `from` to `to` ms and returns the states at each step. */
function run(
  detector: ReturnType<typeof createMuteDetector>,
  from: number,
  to: number,
  level: (t: number) => number,
  muted: boolean,
) {
  const out: { t: number; speaking: boolean; onMute: boolean }[] = [];
  for (let t = from; t < to; t += STEP) out.push({ t, ...detector.update(t, level(t), muted) });
  return out;
}

describe("speaking detection", () => {
  it("starts with the voice and carries on through short pauses", () => {
    const d = createSpeakingDetector();
    expect(d.update(0, QUIET)).toBe(false);
    expect(d.update(20, LOUD)).toBe(true);
    expect(d.update(20 + SPEAKING_HANGOVER_MS - 20, QUIET)).toBe(true);
    expect(d.update(20 + SPEAKING_HANGOVER_MS + 20, QUIET)).toBe(false);
  });
});

describe("You're on mute", () => {
  it("appears after about 0.4 s of speech while muted", () => {
    const d = createMuteDetector();
    const states = run(d, 0, 1000, () => LOUD, true);
    const first = states.find((s) => s.onMute)!;
    expect(first.t).toBeGreaterThanOrEqual(MUTED_SPEECH_MS);
    expect(first.t).toBeLessThanOrEqual(MUTED_SPEECH_MS + 2 * STEP);
    expect(states.every((s) => s.speaking)).toBe(true);
  });

  it("never appears when not muted, however much is said", () => {
    const d = createMuteDetector();
    expect(run(d, 0, 5000, () => LOUD, false).some((s) => s.onMute)).toBe(false);
  });

  it("ignores a cough or a click", () => {
    const d = createMuteDetector();
    const states = run(d, 0, 3000, (t) => (t < 200 || (t > 1500 && t < 1700) ? LOUD : QUIET), true);
    expect(states.some((s) => s.onMute)).toBe(false);
  });

  it("counts speech with natural pauses", () => {
    const d = createMuteDetector();
    // 150 ms syllables with 100 ms gaps.
    const states = run(d, 0, 2000, (t) => (t % 250 < 150 ? LOUD : QUIET), true);
    expect(states.some((s) => s.onMute)).toBe(true);
  });

  it("stays up for a while after the speech stops, and clears at once on unmute", () => {
    const d = createMuteDetector();
    run(d, 0, 1000, () => LOUD, true);
    const after = run(d, 1000, 1000 + SPEAKING_HANGOVER_MS + ON_MUTE_HOLD_MS + 100, () => QUIET, true);
    expect(after[0]!.onMute).toBe(true);
    expect(after.find((s) => s.t >= 1000 + ON_MUTE_HOLD_MS)!.onMute).toBe(true);
    expect(after.at(-1)!.onMute).toBe(false);
    run(d, 5000, 6000, () => LOUD, true);
    expect(d.update(6000, LOUD, false).onMute).toBe(false);
  });
});
