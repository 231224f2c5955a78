// MediaPipe face-mesh landmark numbers the measurements rely on (see shared MEDIAPIPE.md for the topology).

/** Top of the forehead: the highest mesh point, at about the hairline. */
export const FOREHEAD_TOP = 10;
/** Bottom of the chin. */
export const CHIN = 152;

/** One eye's key points. "Image-left" is the eye nearer the left edge of the unmirrored camera image. */
export interface EyeIndices {
  /** Corner nearer the image's left edge. */
  leftCorner: number;
  /** Corner nearer the image's right edge. */
  rightCorner: number;
  upperLid: number;
  lowerLid: number;
  irisCentre: number;
}

/** MediaPipe's "left eye" (contour 33, 7, 163, ...): the person's right eye, on the image's left. */
export const IMAGE_LEFT_EYE: EyeIndices = {
  leftCorner: 33,
  rightCorner: 133,
  upperLid: 159,
  lowerLid: 145,
  irisCentre: 468,
};
/** MediaPipe's "right eye" (contour 263, 249, 390, ...): the person's left eye, on the image's right. */
export const IMAGE_RIGHT_EYE: EyeIndices = {
  leftCorner: 362,
  rightCorner: 263,
  upperLid: 386,
  lowerLid: 374,
  irisCentre: 473,
};

/** Landmarks with refined irises: 468 mesh points + 5 per iris. */
export const LANDMARK_COUNT_WITH_IRISES = 478;
