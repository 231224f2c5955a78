import { describe, expect, it } from "vitest";
import { directionToLens, headPoseFromMatrix } from "./head-pose";
import { transformationMatrix } from "./synthetic-face";

describe("head pose from the transformation matrix", () => {
  it("reads a frontal face as zero", () => {
    const pose = headPoseFromMatrix(transformationMatrix())!;
    expect(pose.yaw).toBeCloseTo(0, 6);
    expect(pose.pitch).toBeCloseTo(0, 6);
    expect(pose.roll).toBeCloseTo(0, 6);
  });

  it("reads a hand-written column-major yaw of 30 degrees as +30 (a row-major reading would give -30)", () => {
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const m = [c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, 0, 0, -50, 1];
    expect(headPoseFromMatrix(m)!.yaw).toBeCloseTo(30, 6);
  });

  it.each([
    [25, 0, 0],
    [0, -12, 0],
    [0, 0, 18],
    [15, -10, 5],
    [-35, 20, -12],
  ])("recovers yaw %d, pitch %d, roll %d", (yaw, pitch, roll) => {
    const pose = headPoseFromMatrix(transformationMatrix(yaw, pitch, roll))!;
    expect(pose.yaw).toBeCloseTo(yaw, 6);
    expect(pose.pitch).toBeCloseTo(pitch, 6);
    expect(pose.roll).toBeCloseTo(roll, 6);
  });

  it("refuses a short or non-finite matrix", () => {
    expect(headPoseFromMatrix([1, 0, 0])).toBeUndefined();
    expect(headPoseFromMatrix(new Array(16).fill(NaN))).toBeUndefined();
  });

  it("works out the turn needed to face the lens from where the head is", () => {
    const ahead = directionToLens(transformationMatrix(0, 0, 0, [0, 0, -50]))!;
    expect(Math.abs(ahead.yaw) + Math.abs(ahead.pitch)).toBeCloseTo(0, 9);
    const right = directionToLens(transformationMatrix(0, 0, 0, [15, 0, -50]))!;
    expect(right.yaw).toBeCloseTo((-Math.atan2(15, 50) * 180) / Math.PI, 6);
    const above = directionToLens(transformationMatrix(0, 0, 0, [0, 10, -50]))!;
    expect(above.pitch).toBeGreaterThan(10); // above the camera: look down to meet it
    expect(directionToLens(transformationMatrix(0, 0, 0, [0, 0, 5]))).toBeUndefined();
  });
});
