import { describe, expect, it } from "vitest";
import { luma709, measureLuminance } from "./luminance";
import { syntheticFaceBox, syntheticPixels } from "./synthetic-face";

const box = syntheticFaceBox();

describe("face and background luminance", () => {
  it("uses Rec. 709 weights", () => {
    expect(luma709(255, 0, 0)).toBeCloseTo(54.213, 3);
    expect(luma709(0, 255, 0)).toBeCloseTo(182.376, 3);
    expect(luma709(0, 0, 255)).toBeCloseTo(18.411, 3);
    expect(luma709(200, 200, 200)).toBeCloseTo(200, 6);
  });

  it("separates a well-lit face from a dimmer background", () => {
    const l = measureLuminance(syntheticPixels(box, 140, 90), box);
    expect(l.faceLuma).toBeCloseTo(140, 6);
    expect(l.backgroundLuma).toBeCloseTo(90, 6);
    expect(l.contrast).toBeCloseTo(90 / 140, 6);
  });

  it("measures a dark scene, a bright face and a backlit face", () => {
    expect(measureLuminance(syntheticPixels(box, 35, 30), box).faceLuma).toBeCloseTo(35, 6);
    expect(measureLuminance(syntheticPixels(box, 235, 120), box).faceLuma).toBeCloseTo(235, 6);
    const backlit = measureLuminance(syntheticPixels(box, 80, 220), box);
    expect(backlit.contrast).toBeCloseTo(220 / 80, 6);
  });

  it("does not count the body below the face as background", () => {
    const pixels = syntheticPixels(box, 120, 100);
    // A white shirt under the face.
    for (let py = 0; py < pixels.height; py++) {
      for (let px = 0; px < pixels.width; px++) {
        const x = (px + 0.5) / pixels.width;
        const y = (py + 0.5) / pixels.height;
        if (y > box.y + box.height && x > box.x && x < box.x + box.width)
          pixels.data.set([255, 255, 255, 255], (py * pixels.width + px) * 4);
      }
    }
    expect(measureLuminance(pixels, box).backgroundLuma).toBeCloseTo(100, 6);
  });

  it("has no background reading when the face fills the frame", () => {
    const huge = { x: -0.2, y: -0.2, width: 1.4, height: 1.4 };
    const l = measureLuminance(syntheticPixels(huge, 120, 100), huge);
    expect(l.backgroundLuma).toBeUndefined();
    expect(l.contrast).toBeUndefined();
    expect(l.faceLuma).toBeCloseTo(120, 6);
  });
});
