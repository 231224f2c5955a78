import { describe, expect, it } from "vitest";
import { CHECK_NAMES, GOOD_STATES, classifyFrame, isGood } from "./classify";
import type { FrameMeasurement } from "./frame-measurement";

const good: FrameMeasurement = {
  t: 5,
  facePresent: true,
  faceBox: { x: 0.35, y: 0.2, width: 0.3, height: 0.5 },
  centreOffsetX: 0,
  eyeLineY: 0.38,
  headTopY: 0.05,
  chinY: 0.7,
  headTopInFrame: true,
  chinInFrame: true,
  yaw: 3,
  pitch: -4,
  roll: 1,
  gazeAtLens: true,
  gazeScore: 0.9,
  faceLuma: 130,
  backgroundLuma: 110,
  contrast: 110 / 130,
};
const states = (m: Partial<FrameMeasurement>) => classifyFrame({ ...good, ...m }).states;

describe("classifyFrame", () => {
  it("passes every check for a good frame and carries the time and speaking flag", () => {
    expect(classifyFrame(good, { speaking: true })).toEqual({ t: 5, speaking: true, states: GOOD_STATES });
    expect(classifyFrame(good).speaking).toBe(false);
  });

  it("tells absent from far", () => {
    expect(classifyFrame({ t: 1, facePresent: false }).states).toEqual({
      presence: "absent",
      centring: null,
      eyeLine: null,
      distance: null,
      headInFrame: null,
      headPose: null,
      lighting: null,
      backlight: null,
      eyeContact: null,
    });
    expect(
      classifyFrame({ t: 1, facePresent: false, farFace: true, faceBox: { x: 0.4, y: 0.4, width: 0.05, height: 0.07 } })
        .states.presence,
    ).toBe("far");
  });

  it("judges centring at 0.15 either side", () => {
    expect(states({ centreOffsetX: -0.15 }).centring).toBe("ok");
    expect(states({ centreOffsetX: -0.16 }).centring).toBe("left");
    expect(states({ centreOffsetX: 0.2 }).centring).toBe("right");
  });

  it("judges the eye line between 0.25 and 0.45", () => {
    expect(states({ eyeLineY: 0.2 }).eyeLine).toBe("too-high");
    expect(states({ eyeLineY: 0.25 }).eyeLine).toBe("ok");
    expect(states({ eyeLineY: 0.5 }).eyeLine).toBe("too-low");
  });

  it("judges distance by face width 0.18 to 0.55", () => {
    expect(states({ faceBox: { x: 0.45, y: 0.4, width: 0.1, height: 0.15 } }).distance).toBe("too-far");
    expect(states({ faceBox: { x: 0.1, y: 0, width: 0.7, height: 1 } }).distance).toBe("too-close");
  });

  it("says the head is cut off when the crown or chin is out of frame", () => {
    expect(states({ headTopInFrame: false }).headInFrame).toBe("cut-off");
    expect(states({ chinInFrame: false }).headInFrame).toBe("cut-off");
  });

  it("judges head pose by yaw 20 and pitch 15, ignoring roll", () => {
    expect(states({ yaw: 20, pitch: -15, roll: 40 }).headPose).toBe("ok");
    expect(states({ yaw: -21 }).headPose).toBe("turned");
    expect(states({ pitch: 16 }).headPose).toBe("turned");
  });

  it("judges lighting 70 to 200 and backlight above 1.4x", () => {
    expect(states({ faceLuma: 69 }).lighting).toBe("too-dark");
    expect(states({ faceLuma: 201 }).lighting).toBe("too-bright");
    expect(states({ contrast: 1.4 }).backlight).toBe("ok");
    expect(states({ contrast: 1.6 }).backlight).toBe("backlit");
  });

  it("reads eye contact from gaze, and has no reading without it", () => {
    expect(states({ gazeAtLens: false }).eyeContact).toBe("away");
    expect(states({ gazeAtLens: undefined }).eyeContact).toBeNull();
    expect(states({ faceLuma: undefined, contrast: undefined })).toMatchObject({ lighting: null, backlight: null });
  });

  it("knows which states are good", () => {
    for (const check of CHECK_NAMES) expect(isGood(check, GOOD_STATES[check])).toBe(true);
    expect(isGood("lighting", "too-dark")).toBe(false);
  });
});
