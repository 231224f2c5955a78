import { describe, expect, it } from "vitest";
import { HEAD_TOP_EXTENSION, faceBoxOf, measureFaceGeometry } from "./face-geometry";
import { syntheticFace, syntheticFaceBox } from "./synthetic-face";

describe("face geometry", () => {
  it("boxes a centred face and reports no centre offset", () => {
    const g = measureFaceGeometry(syntheticFace({ centreX: 0.5, faceWidth: 0.3 }))!;
    const expected = syntheticFaceBox({ centreX: 0.5, faceWidth: 0.3 });
    expect(g.faceBox.x).toBeCloseTo(expected.x, 3);
    expect(g.faceBox.width).toBeCloseTo(0.3, 3);
    expect(g.faceBox.height).toBeCloseTo(expected.height, 3);
    expect(g.centreOffsetX).toBeCloseTo(0, 3);
  });

  it("reports an off-centre face with the sign of its side of the image", () => {
    expect(measureFaceGeometry(syntheticFace({ centreX: 0.2 }))!.centreOffsetX).toBeCloseTo(-0.3, 3);
    expect(measureFaceGeometry(syntheticFace({ centreX: 0.75 }))!.centreOffsetX).toBeCloseTo(0.25, 3);
  });

  it("puts the eye line where the eyes are", () => {
    const high = measureFaceGeometry(syntheticFace({ centreY: 0.3 }))!;
    const low = measureFaceGeometry(syntheticFace({ centreY: 0.7 }))!;
    expect(high.eyeLineY).toBeLessThan(0.3);
    expect(low.eyeLineY).toBeGreaterThan(0.6);
    expect(low.eyeLineY - high.eyeLineY).toBeCloseTo(0.4, 3);
  });

  it("places the top of the head above the forehead landmark by a share of the face height", () => {
    const face = syntheticFace();
    const g = measureFaceGeometry(face)!;
    const faceHeight = face[152]!.y - face[10]!.y;
    expect(g.headTopY).toBeCloseTo(face[10]!.y - HEAD_TOP_EXTENSION * faceHeight, 6);
    expect(g.headTopInFrame).toBe(true);
    expect(g.chinInFrame).toBe(true);
  });

  it("says the head is cut off when the forehead is in view but the crown is not", () => {
    // Forehead landmark just inside the top edge: the mesh is complete, the hair is not.
    const face = syntheticFace({ centreY: 0.3, faceWidth: 0.3 });
    expect(face[10]!.y).toBeGreaterThan(0);
    const g = measureFaceGeometry(face)!;
    expect(g.headTopInFrame).toBe(false);
    expect(g.chinInFrame).toBe(true);
  });

  it("says the chin is cut off when the face runs off the bottom", () => {
    const g = measureFaceGeometry(syntheticFace({ centreY: 0.8, faceWidth: 0.4 }))!;
    expect(g.chinInFrame).toBe(false);
  });

  it("follows a tilted head's own up direction for the crown", () => {
    const upright = measureFaceGeometry(syntheticFace())!;
    const tilted = measureFaceGeometry(syntheticFace({ rollDeg: 40 }))!;
    // Tilted, the crown is lower in the image than when upright (it swings sideways).
    expect(tilted.headTopY).toBeGreaterThan(upright.headTopY + 0.01);
  });

  it("ignores non-finite points and gives no box for none", () => {
    expect(faceBoxOf([])).toBeUndefined();
    expect(
      faceBoxOf([
        { x: NaN, y: 0, z: 0 },
        { x: 0.2, y: 0.3, z: 0 },
        { x: 0.4, y: 0.6, z: 0 },
      ]),
    ).toEqual({ x: 0.2, y: 0.3, width: 0.2, height: 0.3 });
  });
});
