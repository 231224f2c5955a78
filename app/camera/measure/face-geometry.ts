// Where the face sits in the frame: face box, centring, eye line, and whether the top of the head and the chin are in view.
import { CHIN, FOREHEAD_TOP, IMAGE_LEFT_EYE, IMAGE_RIGHT_EYE } from "./landmark-indices";
import type { FaceBox, Landmark } from "./types";

/**
 * How far above the forehead landmark the top of the head is, as a fraction of the forehead-to-chin distance.
 * The mesh stops at about the hairline; on adults the crown sits roughly a quarter to a third of the
 * hairline-to-chin height higher (head height ~23 cm vs hairline-to-chin ~18 cm), so 0.3 errs towards
 * warning a little early rather than letting a cut-off head pass.
 */
export const HEAD_TOP_EXTENSION = 0.3;

export interface FaceGeometry {
  faceBox: FaceBox;
  centreOffsetX: number;
  eyeLineY: number;
  headTopY: number;
  chinY: number;
  headTopInFrame: boolean;
  chinInFrame: boolean;
}

/** The bounding box of all finite landmarks (not clamped: a face partly outside the frame keeps its true size). */
export function faceBoxOf(landmarks: readonly Landmark[]): FaceBox | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of landmarks) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  if (minX > maxX) return undefined;
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function centreOffsetXOf(box: FaceBox): number {
  return box.x + box.width / 2 - 0.5;
}

/** Estimated top of the head: the forehead landmark pushed further along the chin-to-forehead direction (so a tilted head works). */
export function headTopOf(forehead: Landmark, chin: Landmark): { x: number; y: number } {
  return {
    x: forehead.x + (forehead.x - chin.x) * HEAD_TOP_EXTENSION,
    y: forehead.y + (forehead.y - chin.y) * HEAD_TOP_EXTENSION,
  };
}

/** Eye height: the mean of the four eye corners. */
export function eyeLineYOf(landmarks: readonly Landmark[]): number | undefined {
  const corners = [
    IMAGE_LEFT_EYE.leftCorner,
    IMAGE_LEFT_EYE.rightCorner,
    IMAGE_RIGHT_EYE.leftCorner,
    IMAGE_RIGHT_EYE.rightCorner,
  ];
  let sum = 0;
  for (const i of corners) {
    const p = landmarks[i];
    if (!p) return undefined;
    sum += p.y;
  }
  return sum / corners.length;
}

export function measureFaceGeometry(landmarks: readonly Landmark[]): FaceGeometry | undefined {
  const faceBox = faceBoxOf(landmarks);
  const forehead = landmarks[FOREHEAD_TOP];
  const chin = landmarks[CHIN];
  const eyeLineY = eyeLineYOf(landmarks);
  if (!faceBox || !forehead || !chin || eyeLineY === undefined) return undefined;
  const headTopY = headTopOf(forehead, chin).y;
  return {
    faceBox,
    centreOffsetX: centreOffsetXOf(faceBox),
    eyeLineY,
    headTopY,
    chinY: chin.y,
    headTopInFrame: headTopY >= 0,
    chinInFrame: chin.y <= 1,
  };
}
