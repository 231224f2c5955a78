// Turns raw MediaPipe results from the browser check into pass/fail numbers: landmark count, irises inside the eyes, matrix, merge accuracy.
import {
  LEFT_EYE_CONTOUR,
  LEFT_EYE_REFINEMENT,
  LEFT_IRIS_FIRST,
  LIPS_REFINEMENT,
  MERGED_POINTS,
  MESH_POINTS,
  RIGHT_EYE_CONTOUR,
  RIGHT_EYE_REFINEMENT,
  RIGHT_IRIS_FIRST,
} from "../../scripts/mediapipe/landmark-index-tables.ts";

type Point = [number, number, number];

export interface LandmarkRun {
  points: Point[];
  matrix: number[] | null;
  loadMs: number;
  detectMs: number;
}

export interface PageResults {
  width: number;
  height: number;
  merged: LandmarkRun;
  plain: LandmarkRun;
  wrong: LandmarkRun;
  fullRange: {
    faces: { score: number; box?: { originX: number; originY: number; width: number; height: number } }[];
    detectMs: number;
  };
}

export interface DetectionReport {
  landmarkCount: number;
  /** Landmark extent as fractions of the image (the photo's framing), and the iris height as a fraction from the top. */
  faceBox: { left: number; top: number; width: number; height: number } | null;
  eyeLine: number | null;
  leftIrisInsideEye: boolean;
  rightIrisInsideEye: boolean;
  hasTransformationMatrix: boolean;
  /** Mean / max pixel distance of the refined lips and eye points between the merged model and the plain 468-point model. */
  mergeMeanPx: number;
  mergeMaxPx: number;
  /** Mean merge distance per refined group, to point at the table that is off. */
  mergeGroupMeanPx: { lips: number; leftEye: number; rightEye: number };
  /** Baseline: the same distance for mesh points no refinement touches (how far the two networks differ anyway). */
  unrefinedMeanPx: number;
  /** The same distance for a deliberately wrong index table: shows the check can fail. */
  wrongTableMeanPx: number;
  fullRangeFaces: number;
  fullRangeScore: number;
  timingsMs: { landmarkerLoad: number; landmarkerDetect: number; fullRangeDetect: number };
  egressAttempts: string[];
  pageErrors: string[];
  problems: string[];
}

/** Outer corner -> lower lid -> inner corner -> upper lid back: the order the contour tables list them in, made into a ring. */
function eyeRing(contour: readonly number[]): number[] {
  return [...contour.slice(0, 9), ...contour.slice(9).reverse()];
}

export function insidePolygon(x: number, y: number, polygon: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function pixelDistances(a: Point[], b: Point[], indices: number[], width: number, height: number): number[] {
  return indices.map((i) => {
    const p = a[i];
    const q = b[i];
    if (!p || !q) return Number.POSITIVE_INFINITY;
    return Math.hypot((p[0] - q[0]) * width, (p[1] - q[1]) * height);
  });
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

export const MERGE_TOLERANCE_PX = 2;

export function evaluateDetection(r: PageResults, extra: { egress: string[]; pageErrors: string[] }): DetectionReport {
  const pts = r.merged.points;
  const irisInside = (iris: number, contour: readonly number[]) => {
    const centre = pts[iris];
    if (!centre || pts.length < MERGED_POINTS) return false;
    return insidePolygon(
      centre[0],
      centre[1],
      eyeRing(contour).map((i) => [pts[i]![0], pts[i]![1]] as [number, number]),
    );
  };
  const refined: number[] = [...new Set<number>([...LIPS_REFINEMENT, ...LEFT_EYE_REFINEMENT, ...RIGHT_EYE_REFINEMENT])];
  const unrefined = Array.from({ length: MESH_POINTS }, (_, i) => i).filter((i) => !refined.includes(i));
  const merge = pixelDistances(pts, r.plain.points, refined, r.width, r.height);
  const wrong = pixelDistances(r.wrong.points, r.plain.points, refined, r.width, r.height);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
  const best = [...r.fullRange.faces].sort((a, b) => b.score - a.score)[0];
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  const report: DetectionReport = {
    landmarkCount: pts.length,
    faceBox:
      pts.length === 0
        ? null
        : {
            left: round(Math.min(...xs), 3),
            top: round(Math.min(...ys), 3),
            width: round(Math.max(...xs) - Math.min(...xs), 3),
            height: round(Math.max(...ys) - Math.min(...ys), 3),
          },
    eyeLine: pts.length < MERGED_POINTS ? null : round((pts[LEFT_IRIS_FIRST]![1] + pts[RIGHT_IRIS_FIRST]![1]) / 2, 3),
    leftIrisInsideEye: irisInside(LEFT_IRIS_FIRST, LEFT_EYE_CONTOUR),
    rightIrisInsideEye: irisInside(RIGHT_IRIS_FIRST, RIGHT_EYE_CONTOUR),
    hasTransformationMatrix:
      Array.isArray(r.merged.matrix) && r.merged.matrix.length === 16 && r.merged.matrix.every(Number.isFinite),
    mergeMeanPx: round(mean(merge)),
    mergeMaxPx: round(Math.max(...merge)),
    mergeGroupMeanPx: {
      lips: round(mean(pixelDistances(pts, r.plain.points, [...LIPS_REFINEMENT], r.width, r.height))),
      leftEye: round(mean(pixelDistances(pts, r.plain.points, [...LEFT_EYE_REFINEMENT], r.width, r.height))),
      rightEye: round(mean(pixelDistances(pts, r.plain.points, [...RIGHT_EYE_REFINEMENT], r.width, r.height))),
    },
    unrefinedMeanPx: round(mean(pixelDistances(pts, r.plain.points, unrefined, r.width, r.height))),
    wrongTableMeanPx: round(mean(wrong)),
    fullRangeFaces: r.fullRange.faces.length,
    fullRangeScore: round(best?.score ?? 0, 3),
    timingsMs: {
      landmarkerLoad: Math.round(r.merged.loadMs),
      landmarkerDetect: Math.round(r.merged.detectMs),
      fullRangeDetect: Math.round(r.fullRange.detectMs),
    },
    egressAttempts: extra.egress,
    pageErrors: extra.pageErrors,
    problems: [],
  };
  const p = report.problems;
  if (report.landmarkCount !== MERGED_POINTS)
    p.push(`FaceLandmarker returned ${report.landmarkCount} landmarks, expected ${MERGED_POINTS}.`);
  if (!report.leftIrisInsideEye) p.push("The left iris centre (468) is not inside the left eye contour.");
  if (!report.rightIrisInsideEye) p.push("The right iris centre (473) is not inside the right eye contour.");
  if (!report.hasTransformationMatrix)
    p.push("No 4x4 facial transformation matrix was returned (is the geometry .binarypb in the .task?).");
  if (!(report.mergeMeanPx <= MERGE_TOLERANCE_PX))
    p.push(
      `Merged lips/eye points are ${report.mergeMeanPx} px from the plain mesh on average (limit ${MERGE_TOLERANCE_PX} px): the index table is wrong.`,
    );
  if (!(report.wrongTableMeanPx > 3 * MERGE_TOLERANCE_PX))
    p.push(
      `A deliberately wrong index table was only ${report.wrongTableMeanPx} px off: the merge check cannot tell right from wrong.`,
    );
  if (report.fullRangeFaces < 1) p.push("The full-range FaceDetector found no face in the photo.");
  if (report.pageErrors.length > 0) p.push(`The page threw: ${report.pageErrors.join("; ")}`);
  return report;
}
