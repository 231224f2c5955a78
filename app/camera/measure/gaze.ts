// Is the person looking into the lens? Iris position within each eye, turned into an angle and combined with head pose.
import { IMAGE_LEFT_EYE, IMAGE_RIGHT_EYE, type EyeIndices } from "./landmark-indices";
import type { Landmark } from "./types";

/**
 * Degrees the eye turns per unit of horizontal iris ratio (0 = at one corner, 1 = at the other).
 * An eye opening is ~28 mm wide and the eyeball's radius ~12 mm, so moving the iris 10% of the opening
 * (2.8 mm) is asin(2.8 / 12) ~ 13.5 degrees.
 */
export const EYE_DEGREES_PER_HORIZONTAL_RATIO = 135;
/** The same for the vertical ratio between the lids: the opening is ~10 mm, so 10% is ~1 mm ~ 5 degrees. */
export const EYE_DEGREES_PER_VERTICAL_RATIO = 50;
/** Where the iris centre sits between the lids when looking straight ahead (the lids cover the iris about equally). */
export const NEUTRAL_IRIS_VERTICAL_RATIO = 0.5;
/** Gaze within this many degrees left/right of the lens counts as eye contact (a webcam sits above the screen, so be generous). */
export const GAZE_YAW_TOLERANCE_DEG = 10;
/** Up/down tolerance: wider, since lids make vertical iris position noisy and looking just below the lens still reads as contact. */
export const GAZE_PITCH_TOLERANCE_DEG = 14;

export interface IrisRatios {
  /** 0 at the eye's image-left corner, 1 at its image-right corner. */
  horizontal: number;
  /** 0 at the upper lid, 1 at the lower lid. */
  vertical: number;
}

export interface Gaze {
  ratios: IrisRatios;
  /** Gaze direction relative to the lens, degrees (same signs as head yaw/pitch). */
  yawOffLens: number;
  pitchOffLens: number;
  gazeAtLens: boolean;
  gazeScore: number;
}

interface Px {
  x: number;
  y: number;
}

/** Iris position within one eye, measured along the eye's own axis so a tilted head does not skew it. */
export function irisRatiosForEye(
  landmarks: readonly Landmark[],
  eye: EyeIndices,
  frameWidth: number,
  frameHeight: number,
): IrisRatios | undefined {
  const px = (i: number): Px | undefined => {
    const p = landmarks[i];
    return p ? { x: p.x * frameWidth, y: p.y * frameHeight } : undefined;
  };
  const left = px(eye.leftCorner);
  const right = px(eye.rightCorner);
  const upper = px(eye.upperLid);
  const lower = px(eye.lowerLid);
  const iris = px(eye.irisCentre);
  if (!left || !right || !upper || !lower || !iris) return undefined;
  const ax = right.x - left.x;
  const ay = right.y - left.y;
  const width = Math.hypot(ax, ay);
  if (width === 0) return undefined;
  const ux = ax / width;
  const uy = ay / width;
  // Perpendicular pointing "down" in the image when the head is upright.
  const along = (p: Px) => (p.x - left.x) * ux + (p.y - left.y) * uy;
  const across = (p: Px) => -(p.x - left.x) * uy + (p.y - left.y) * ux;
  const top = across(upper);
  const opening = across(lower) - top;
  if (!(opening > 0)) return undefined; // a closed eye: no reading
  return { horizontal: along(iris) / width, vertical: (across(iris) - top) / opening };
}

/** Both eyes' ratios averaged; undefined without iris landmarks or with both eyes closed. */
export function irisRatios(
  landmarks: readonly Landmark[],
  frameWidth: number,
  frameHeight: number,
): IrisRatios | undefined {
  const eyes = [IMAGE_LEFT_EYE, IMAGE_RIGHT_EYE]
    .map((eye) => irisRatiosForEye(landmarks, eye, frameWidth, frameHeight))
    .filter((r): r is IrisRatios => r !== undefined);
  if (eyes.length === 0) return undefined;
  return {
    horizontal: eyes.reduce((s, r) => s + r.horizontal, 0) / eyes.length,
    vertical: eyes.reduce((s, r) => s + r.vertical, 0) / eyes.length,
  };
}

/** Score 1 at the lens, 0.5 on the tolerance ellipse, 0 at twice the tolerance. */
export function gazeScoreFor(yawOffLens: number, pitchOffLens: number): number {
  const distance = Math.hypot(yawOffLens / GAZE_YAW_TOLERANCE_DEG, pitchOffLens / GAZE_PITCH_TOLERANCE_DEG);
  return Math.max(0, Math.min(1, 1 - distance / 2));
}

/**
 * Gaze = head direction + eye-in-head direction, compared with the direction to the lens.
 * A head turned 20 degrees right with the irises 20 degrees to the left is still looking at the camera.
 */
export function estimateGaze(
  ratios: IrisRatios,
  head: { yaw: number; pitch: number },
  lens: { yaw: number; pitch: number } = { yaw: 0, pitch: 0 },
): Gaze {
  const eyeYaw = (ratios.horizontal - 0.5) * EYE_DEGREES_PER_HORIZONTAL_RATIO;
  const eyePitch = (ratios.vertical - NEUTRAL_IRIS_VERTICAL_RATIO) * EYE_DEGREES_PER_VERTICAL_RATIO;
  const yawOffLens = head.yaw + eyeYaw - lens.yaw;
  const pitchOffLens = head.pitch + eyePitch - lens.pitch;
  const gazeScore = gazeScoreFor(yawOffLens, pitchOffLens);
  return { ratios, yawOffLens, pitchOffLens, gazeScore, gazeAtLens: gazeScore >= 0.5 };
}
