// Eye contact while speaking per turn, and the debrief's tips where a turn's figures are far from typical.
import { describe, expect, it } from "vitest";
import { cameraWhileSpeaking, type CameraReading } from "./camera-while-speaking";
import type { SpokenTurn } from "./spoken-turn-schema";
import { TURN_GUIDANCE, turnTips } from "./turn-guidance";

const reading = (tMs: number, eyeContact: boolean | null, framingOk: boolean | null = true): CameraReading => ({
  tMs,
  eyeContact,
  framingOk,
  lightingOk: true,
});

describe("cameraWhileSpeaking", () => {
  it("weights each reading by the speech it covers, ignoring the time the clinician was silent", () => {
    // Looking from 0-1000, away from 1000-2000, looking from 2000-3000; speech 500-1500 and 2500-3000.
    const readings = [reading(0, true), reading(1000, false), reading(2000, true)];
    const camera = cameraWhileSpeaking(readings, [
      { startMs: 500, endMs: 1500 },
      { startMs: 2500, endMs: 3000 },
    ]);
    // 500 ms looking + 500 ms away + 500 ms looking over 1500 ms of speech seen.
    expect(camera).toEqual({ ms: 1500, eyeContact: 0.667, framingOk: 1, lightingOk: 1 });
  });

  it("holds a reading for at most a second, and leaves unknown verdicts out of their share", () => {
    const camera = cameraWhileSpeaking([reading(0, null, false)], [{ startMs: 0, endMs: 5000 }]);
    expect(camera).toEqual({ ms: 1000, eyeContact: null, framingOk: 0, lightingOk: 1 });
  });

  it("is null when the camera saw none of the speech", () => {
    expect(cameraWhileSpeaking([], [{ startMs: 0, endMs: 1000 }])).toBeNull();
    expect(cameraWhileSpeaking([reading(5000, true)], [{ startMs: 0, endMs: 1000 }])).toBeNull();
  });
});

const turn = (overrides: Partial<SpokenTurn> = {}): SpokenTurn => ({
  step: 0,
  node: "greeting",
  optionsShownEarly: false,
  onsetMs: 1200,
  speakingMs: 8000,
  pauseCount: 2,
  longestPauseMs: 500,
  talkOverMs: 0,
  syllablesPerSecond: 4.5,
  pitchVariationSt: 2,
  camera: { ms: 7000, eyeContact: 0.8, framingOk: 1, lightingOk: 1 },
  ...overrides,
});
const kinds = (t: SpokenTurn, emotional = false) => turnTips(t, { emotional }).map((tip) => tip.kind);

describe("turnTips", () => {
  it("offers nothing for a turn within typical ranges", () => {
    expect(kinds(turn(), true)).toEqual([]);
  });

  it("flags answering at once only after an emotional disclosure", () => {
    expect(kinds(turn({ onsetMs: 200 }), true)).toEqual(["rushed-after-emotion"]);
    expect(kinds(turn({ onsetMs: 200 }), false)).toEqual([]);
  });

  it("flags each figure beyond its threshold, and not at it", () => {
    const g = TURN_GUIDANCE;
    expect(kinds(turn({ onsetMs: g.slowStartMs + 1 }))).toEqual(["slow-start"]);
    expect(kinds(turn({ onsetMs: g.slowStartMs }))).toEqual([]);
    expect(kinds(turn({ talkOverMs: g.talkOverMs + 1 }))).toEqual(["talk-over"]);
    expect(kinds(turn({ speakingMs: g.longTurnMs + 1 }))).toEqual(["long-turn"]);
    expect(kinds(turn({ syllablesPerSecond: g.fastSyllablesPerSecond + 0.1 }))).toEqual(["fast"]);
    expect(kinds(turn({ camera: { ms: 7000, eyeContact: 0.4, framingOk: 1, lightingOk: 1 } }))).toEqual([
      "eye-contact",
    ]);
  });

  it("does not judge eye contact on too little speech seen by the camera", () => {
    expect(kinds(turn({ camera: { ms: 1500, eyeContact: 0, framingOk: 1, lightingOk: 1 } }))).toEqual([]);
    expect(kinds(turn({ camera: null }))).toEqual([]);
  });
});
