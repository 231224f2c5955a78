import { describe, expect, it } from "vitest";
import {
  EYE_DEGREES_PER_HORIZONTAL_RATIO,
  GAZE_PITCH_TOLERANCE_DEG,
  GAZE_YAW_TOLERANCE_DEG,
  estimateGaze,
  gazeScoreFor,
  irisRatios,
} from "./gaze";
import { IMAGE_LEFT_EYE } from "./landmark-indices";
import { syntheticFace } from "./synthetic-face";

const frontal = { yaw: 0, pitch: 0 };
const ratiosOf = (options: Parameters<typeof syntheticFace>[0]) => irisRatios(syntheticFace(options), 640, 480)!;

describe("iris position within the eye", () => {
  it("is in the middle of both eyes when looking ahead", () => {
    const r = ratiosOf({});
    expect(r.horizontal).toBeCloseTo(0.5, 6);
    expect(r.vertical).toBeCloseTo(0.5, 6);
  });

  it("moves with the irises, horizontally and vertically", () => {
    expect(ratiosOf({ irisX: 0.2 }).horizontal).toBeCloseTo(0.7, 6);
    expect(ratiosOf({ irisX: -0.1 }).horizontal).toBeCloseTo(0.4, 6);
    expect(ratiosOf({ irisY: 0.3 }).vertical).toBeCloseTo(0.8, 6);
  });

  it("is measured along the eye, so a tilted head reads the same", () => {
    const r = ratiosOf({ rollDeg: 25, irisX: 0.1 });
    expect(r.horizontal).toBeCloseTo(0.6, 6);
    expect(r.vertical).toBeCloseTo(0.5, 6);
  });

  it("has no reading without iris landmarks or with closed eyes", () => {
    expect(irisRatios(syntheticFace().slice(0, 468), 640, 480)).toBeUndefined();
    const closed = syntheticFace();
    for (const eye of [IMAGE_LEFT_EYE, { upperLid: 386, lowerLid: 374 }])
      closed[eye.lowerLid] = { ...closed[eye.upperLid]! };
    expect(irisRatios(closed, 640, 480)).toBeUndefined();
  });
});

describe("gaze at the lens", () => {
  it("counts centred irises in a frontal face as looking at the lens", () => {
    const g = estimateGaze(ratiosOf({}), frontal);
    expect(g.gazeAtLens).toBe(true);
    expect(g.gazeScore).toBeCloseTo(1, 6);
  });

  it("counts irises moved sideways or down within the eye as looking away", () => {
    expect(estimateGaze(ratiosOf({ irisX: 0.15 }), frontal).gazeAtLens).toBe(false);
    expect(estimateGaze(ratiosOf({ irisX: -0.15 }), frontal).gazeAtLens).toBe(false);
    expect(estimateGaze(ratiosOf({ irisY: 0.45 }), frontal).gazeAtLens).toBe(false);
    // A small movement stays within tolerance.
    expect(estimateGaze(ratiosOf({ irisX: 0.04 }), frontal).gazeAtLens).toBe(true);
  });

  it("corrects for head pose: a turned head with eyes turned back is looking at the lens", () => {
    const back = -20 / EYE_DEGREES_PER_HORIZONTAL_RATIO;
    expect(estimateGaze(ratiosOf({ irisX: back }), { yaw: 20, pitch: 0 }).gazeAtLens).toBe(true);
    expect(estimateGaze(ratiosOf({}), { yaw: 20, pitch: 0 }).gazeAtLens).toBe(false);
    expect(estimateGaze(ratiosOf({}), { yaw: 0, pitch: 25 }).gazeAtLens).toBe(false);
  });

  it("judges gaze against the direction of the lens from where the head is", () => {
    const lens = { yaw: -16, pitch: 0 };
    expect(estimateGaze(ratiosOf({}), { yaw: -16, pitch: 0 }, lens).gazeAtLens).toBe(true);
    expect(estimateGaze(ratiosOf({}), frontal, lens).gazeAtLens).toBe(false);
  });

  it("scores 0.5 on the tolerance and falls to 0 at twice it", () => {
    expect(gazeScoreFor(GAZE_YAW_TOLERANCE_DEG, 0)).toBeCloseTo(0.5, 6);
    expect(gazeScoreFor(0, -GAZE_PITCH_TOLERANCE_DEG)).toBeCloseTo(0.5, 6);
    expect(gazeScoreFor(3 * GAZE_YAW_TOLERANCE_DEG, 0)).toBe(0);
  });
});
