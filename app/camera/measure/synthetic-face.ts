// Test support: synthetic FaceLandmarker results (478 landmarks, transformation matrices) and pixel buffers with known answers.
import {
  CHIN,
  FOREHEAD_TOP,
  IMAGE_LEFT_EYE,
  IMAGE_RIGHT_EYE,
  LANDMARK_COUNT_WITH_IRISES,
  type EyeIndices,
} from "./landmark-indices";
import type { FaceBox, Landmark, PixelBuffer } from "./types";

export interface SyntheticFaceOptions {
  frameWidth?: number;
  frameHeight?: number;
  /** Face centre, normalised. */
  centreX?: number;
  centreY?: number;
  /** Face width as a share of the frame width. */
  faceWidth?: number;
  /** In-image rotation, degrees, anticlockwise. */
  rollDeg?: number;
  /** Iris shift as a share of the eye's width: + towards the image's right. */
  irisX?: number;
  /** Iris shift as a share of the eye's opening: + downwards. */
  irisY?: number;
}

/** Face height / width in pixels for the synthetic oval (adult faces are about 1.3x taller than wide). */
export const SYNTHETIC_FACE_ASPECT = 1.3;
/** Eyes sit this share of the face height above the face centre. */
export const SYNTHETIC_EYE_RAISE = 0.08;

/**
 * 478 landmarks: every point on the face oval (so the box is the oval's bounds), then the forehead, chin,
 * eye corners, lids and irises at their places. Built in pixels, then normalised, so aspect ratio is right.
 */
export function syntheticFace(options: SyntheticFaceOptions = {}): Landmark[] {
  const { frameWidth = 640, frameHeight = 480, centreX = 0.5, centreY = 0.45, faceWidth = 0.3 } = options;
  const { rollDeg = 0, irisX = 0, irisY = 0 } = options;
  const w = faceWidth * frameWidth;
  const h = w * SYNTHETIC_FACE_ASPECT;
  const cx = centreX * frameWidth;
  const cy = centreY * frameHeight;
  const roll = (rollDeg * Math.PI) / 180;
  // (u, v) in face pixels, v down; anticlockwise in the image means turning towards -y.
  const place = (u: number, v: number): Landmark => ({
    x: (cx + u * Math.cos(roll) + v * Math.sin(roll)) / frameWidth,
    y: (cy - u * Math.sin(roll) + v * Math.cos(roll)) / frameHeight,
    z: 0,
  });
  const points: Landmark[] = [];
  for (let i = 0; i < LANDMARK_COUNT_WITH_IRISES; i++) {
    const a = (2 * Math.PI * i) / LANDMARK_COUNT_WITH_IRISES;
    points.push(place((w / 2) * Math.sin(a), (-h / 2) * Math.cos(a)));
  }
  points[FOREHEAD_TOP] = place(0, -h / 2);
  points[CHIN] = place(0, h / 2);
  const eyeV = -SYNTHETIC_EYE_RAISE * h;
  const eyeWidth = 0.2 * w;
  const opening = 0.07 * w;
  const setEye = (eye: EyeIndices, centreU: number) => {
    points[eye.leftCorner] = place(centreU - eyeWidth / 2, eyeV);
    points[eye.rightCorner] = place(centreU + eyeWidth / 2, eyeV);
    points[eye.upperLid] = place(centreU, eyeV - opening / 2);
    points[eye.lowerLid] = place(centreU, eyeV + opening / 2);
    const irisU = centreU + irisX * eyeWidth;
    const irisV = eyeV + irisY * opening;
    points[eye.irisCentre] = place(irisU, irisV);
    const r = 0.05 * w;
    [
      [r, 0],
      [0, -r],
      [-r, 0],
      [0, r],
    ].forEach(([du, dv], k) => {
      points[eye.irisCentre + 1 + k] = place(irisU + (du ?? 0), irisV + (dv ?? 0));
    });
  };
  setEye(IMAGE_LEFT_EYE, -0.22 * w);
  setEye(IMAGE_RIGHT_EYE, 0.22 * w);
  return points;
}

/** The synthetic face's box (the oval's bounds), normalised, for an unrolled face. */
export function syntheticFaceBox(options: SyntheticFaceOptions = {}): FaceBox {
  const { frameWidth = 640, frameHeight = 480, centreX = 0.5, centreY = 0.45, faceWidth = 0.3 } = options;
  const height = (faceWidth * frameWidth * SYNTHETIC_FACE_ASPECT) / frameHeight;
  return { x: centreX - faceWidth / 2, y: centreY - height / 2, width: faceWidth, height };
}

/**
 * A column-major 4x4 facial transformation matrix with rotation Ry(yaw) * Rx(pitch) * Rz(roll)
 * and a translation in cm (default: 50 cm straight in front of the camera).
 */
export function transformationMatrix(
  yawDeg = 0,
  pitchDeg = 0,
  rollDeg = 0,
  translation: [number, number, number] = [0, 0, -50],
): number[] {
  const rad = Math.PI / 180;
  const [ca, sa] = [Math.cos(yawDeg * rad), Math.sin(yawDeg * rad)];
  const [cb, sb] = [Math.cos(pitchDeg * rad), Math.sin(pitchDeg * rad)];
  const [cc, sc] = [Math.cos(rollDeg * rad), Math.sin(rollDeg * rad)];
  const r = [
    [ca * cc + sa * sb * sc, -ca * sc + sa * sb * cc, sa * cb],
    [cb * sc, cb * cc, -sb],
    [-sa * cc + ca * sb * sc, sa * sc + ca * sb * cc, ca * cb],
  ];
  const out = new Array<number>(16).fill(0);
  for (let row = 0; row < 3; row++) for (let col = 0; col < 3; col++) out[col * 4 + row] = r[row]![col]!;
  out[12] = translation[0];
  out[13] = translation[1];
  out[14] = translation[2];
  out[15] = 1;
  return out;
}

/** A grey frame with a face-coloured oval: face and background luma are what you ask for (grey, so luma = value). */
export function syntheticPixels(
  box: FaceBox,
  faceLuma: number,
  backgroundLuma: number,
  width = 64,
  height = 48,
): PixelBuffer {
  const data = new Uint8ClampedArray(width * height * 4);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const dx = ((px + 0.5) / width - cx) / (box.width / 2);
      const dy = ((py + 0.5) / height - cy) / (box.height / 2);
      const v = dx * dx + dy * dy <= 1 ? faceLuma : backgroundLuma;
      data.set([v, v, v, 255], (py * width + px) * 4);
    }
  }
  return { data, width, height };
}
