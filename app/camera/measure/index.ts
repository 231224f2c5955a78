// Public face of the measurement maths: MediaPipe results in, one FrameMeasurement per frame out.
export { measureFrame, FAR_FACE_MAX_WIDTH } from "./measure-frame";
export {
  measureFaceGeometry,
  faceBoxOf,
  centreOffsetXOf,
  eyeLineYOf,
  headTopOf,
  HEAD_TOP_EXTENSION,
  type FaceGeometry,
} from "./face-geometry";
export { headPoseFromMatrix, directionToLens, type HeadPose } from "./head-pose";
export * from "./gaze";
export { measureLuminance, luma709, FACE_SAMPLE_INSET, BACKGROUND_MARGIN, type Luminance } from "./luminance";
export * from "./landmark-indices";
export type * from "./types";
