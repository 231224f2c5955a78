import { describe, expect, it } from "vitest";
import { measureFrame } from "./measure-frame";
import { syntheticFace, syntheticFaceBox, syntheticPixels, transformationMatrix } from "./synthetic-face";

const frame = { t: 1000, frameWidth: 640, frameHeight: 480 };

describe("measureFrame", () => {
  it("measures a well-framed, well-lit face looking at the lens", () => {
    const m = measureFrame({
      ...frame,
      landmarks: syntheticFace(),
      transformationMatrix: transformationMatrix(5, -3, 2),
      pixels: syntheticPixels(syntheticFaceBox(), 130, 100),
    });
    expect(m).toMatchObject({ t: 1000, facePresent: true, headTopInFrame: true, chinInFrame: true, gazeAtLens: true });
    expect(m.faceBox!.width).toBeCloseTo(0.3, 3);
    expect(m.eyeLineY!).toBeGreaterThan(0.25);
    expect(m.eyeLineY!).toBeLessThan(0.45);
    expect(m.yaw!).toBeCloseTo(5, 6);
    expect(m.pitch!).toBeCloseTo(-3, 6);
    expect(m.roll!).toBeCloseTo(2, 6);
    expect(m.faceLuma!).toBeCloseTo(130, 3);
    expect(m.backgroundLuma!).toBeCloseTo(100, 3);
    expect(m.farFace).toBeUndefined();
  });

  it("reports looking away when the irises move", () => {
    const m = measureFrame({
      ...frame,
      landmarks: syntheticFace({ irisX: 0.2 }),
      transformationMatrix: transformationMatrix(),
    });
    expect(m.gazeAtLens).toBe(false);
    expect(m.gazeScore!).toBeLessThan(0.5);
  });

  it("combines the matrix's head turn with the irises: turned head, eyes back on the lens", () => {
    const turned = { ...frame, transformationMatrix: transformationMatrix(20, 0, 0) };
    expect(measureFrame({ ...turned, landmarks: syntheticFace() }).gazeAtLens).toBe(false);
    expect(measureFrame({ ...turned, landmarks: syntheticFace({ irisX: -20 / 135 }) }).gazeAtLens).toBe(true);
  });

  it("leaves out what it cannot measure", () => {
    const m = measureFrame({ ...frame, landmarks: syntheticFace().slice(0, 468) });
    expect(m.facePresent).toBe(true);
    expect(m.yaw).toBeUndefined();
    expect(m.gazeAtLens).toBeUndefined();
    expect(m.faceLuma).toBeUndefined();
    expect("faceLuma" in m).toBe(false);
  });

  it("reports nobody there when neither model finds a face", () => {
    expect(measureFrame({ ...frame, landmarks: null, fullRangeFace: null })).toEqual({ t: 1000, facePresent: false });
    expect(measureFrame({ ...frame, landmarks: [] })).toEqual({ t: 1000, facePresent: false });
  });

  it("tells a far-away face from nobody there", () => {
    const small = { x: 0.45, y: 0.4, width: 0.06, height: 0.1 };
    expect(measureFrame({ ...frame, landmarks: null, fullRangeFace: small })).toMatchObject({
      facePresent: false,
      farFace: true,
    });
  });

  it("treats an ordinary-size face the landmarker missed as present, with only its box", () => {
    const box = { x: 0.1, y: 0.2, width: 0.3, height: 0.4 };
    const m = measureFrame({ ...frame, landmarks: null, fullRangeFace: box });
    expect(m).toMatchObject({ facePresent: true, faceBox: box });
    expect(m.centreOffsetX!).toBeCloseTo(-0.25, 6);
    expect(m.farFace).toBeUndefined();
  });
});
