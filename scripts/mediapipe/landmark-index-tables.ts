// MediaPipe face mesh topology: which of the 468 mesh points the attention model refines, and in what order its refined outputs list them.

/** The 16 points of each eye's contour; the iris depth is their mean depth. */
export const LEFT_EYE_CONTOUR = [33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173] as const;
export const RIGHT_EYE_CONTOUR = [
  263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398,
] as const;

/** Mesh point for each (x, y) pair of `output_lips`, in output order. */
export const LIPS_REFINEMENT = [
  61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 185, 40, 39, 37, 0, 267, 269, 270, 409, 78, 95, 88, 178, 87, 14,
  317, 402, 318, 324, 308, 191, 80, 81, 82, 13, 312, 311, 310, 415, 76, 77, 90, 180, 85, 16, 315, 404, 320, 307, 306,
  184, 74, 73, 72, 11, 302, 303, 304, 408, 62, 96, 89, 179, 86, 15, 316, 403, 319, 325, 292, 183, 42, 41, 38, 12, 268,
  271, 272, 407,
] as const;

/** Mesh point for each (x, y) pair of `output_left_eye`, in output order. */
export const LEFT_EYE_REFINEMENT = [
  33, 7, 163, 144, 145, 153, 154, 155, 133, 246, 161, 160, 159, 158, 157, 173, 130, 25, 110, 24, 23, 22, 26, 112, 243,
  247, 30, 29, 27, 28, 56, 190, 226, 31, 228, 229, 230, 231, 232, 233, 244, 113, 225, 224, 223, 222, 221, 189, 35, 124,
  46, 53, 52, 65, 143, 111, 117, 118, 119, 120, 121, 128, 245, 156, 70, 63, 105, 66, 107, 55, 193,
] as const;

/** Mesh point for each (x, y) pair of `output_right_eye`, in output order. */
export const RIGHT_EYE_REFINEMENT = [
  263, 249, 390, 373, 374, 380, 381, 382, 362, 466, 388, 387, 386, 385, 384, 398, 359, 255, 339, 254, 253, 252, 256,
  341, 463, 467, 260, 259, 257, 258, 286, 414, 446, 261, 448, 449, 450, 451, 452, 453, 464, 342, 445, 444, 443, 442,
  441, 413, 265, 353, 276, 283, 282, 295, 372, 340, 346, 347, 348, 349, 350, 357, 465, 383, 300, 293, 334, 296, 336,
  285, 417,
] as const;

export const MESH_POINTS = 468;
export const IRIS_POINTS = 5;
/** Mesh + left iris (468..472) + right iris (473..477). */
export const MERGED_POINTS = MESH_POINTS + 2 * IRIS_POINTS;
export const LEFT_IRIS_FIRST = MESH_POINTS;
export const RIGHT_IRIS_FIRST = MESH_POINTS + IRIS_POINTS;

/** Lengths of the concatenated model outputs, in concatenation order. */
export const CONCAT_PARTS = {
  mesh: MESH_POINTS * 3,
  lips: LIPS_REFINEMENT.length * 2,
  leftEye: LEFT_EYE_REFINEMENT.length * 2,
  rightEye: RIGHT_EYE_REFINEMENT.length * 2,
  leftIris: IRIS_POINTS * 2,
  rightIris: IRIS_POINTS * 2,
  irisDepth: 2,
} as const;

/** Start of each part within the concatenated vector. */
export function concatOffsets(): Record<keyof typeof CONCAT_PARTS, number> {
  let at = 0;
  const result = {} as Record<keyof typeof CONCAT_PARTS, number>;
  for (const [part, length] of Object.entries(CONCAT_PARTS) as [keyof typeof CONCAT_PARTS, number][]) {
    result[part] = at;
    at += length;
  }
  return result;
}

/**
 * For each of the 478 x 3 merged values, the index into the concatenated outputs it is taken from.
 * Mesh x, y, z by default; lips then eyes override x, y of the points they refine (the order MediaPipe's own
 * refinement applies them); iris x, y from the iris outputs and z from the mean eye-contour depth.
 */
export function mergedLandmarkGatherIndices(): Int32Array {
  const at = concatOffsets();
  const table = new Int32Array(MERGED_POINTS * 3);
  for (let p = 0; p < MESH_POINTS; p++) {
    for (let c = 0; c < 3; c++) table[3 * p + c] = at.mesh + 3 * p + c;
  }
  const refine = (points: readonly number[], start: number) => {
    points.forEach((p, k) => {
      table[3 * p] = start + 2 * k;
      table[3 * p + 1] = start + 2 * k + 1;
    });
  };
  refine(LIPS_REFINEMENT, at.lips);
  refine(LEFT_EYE_REFINEMENT, at.leftEye);
  refine(RIGHT_EYE_REFINEMENT, at.rightEye);
  for (let k = 0; k < IRIS_POINTS; k++) {
    const left = LEFT_IRIS_FIRST + k;
    const right = RIGHT_IRIS_FIRST + k;
    table[3 * left] = at.leftIris + 2 * k;
    table[3 * left + 1] = at.leftIris + 2 * k + 1;
    table[3 * left + 2] = at.irisDepth;
    table[3 * right] = at.rightIris + 2 * k;
    table[3 * right + 1] = at.rightIris + 2 * k + 1;
    table[3 * right + 2] = at.irisDepth + 1;
  }
  return table;
}

/** Indices of the z values of both eye contours within the mesh output, as a [2, 16] table (left row, right row). */
export function eyeContourDepthIndices(): Int32Array {
  return Int32Array.from([...LEFT_EYE_CONTOUR, ...RIGHT_EYE_CONTOUR].map((p) => 3 * p + 2));
}
