// Turns one frame's MediaPipe results (and a small copy of its pixels) into a FrameMeasurement.
import { centreOffsetXOf, measureFaceGeometry } from "./face-geometry";
import { estimateGaze, irisRatios } from "./gaze";
import { directionToLens, headPoseFromMatrix } from "./head-pose";
import { measureLuminance } from "./luminance";
import type { FrameInput, FrameMeasurement } from "./types";

/**
 * A face the full-range detector finds but the landmarker misses counts as "too far away" when it is
 * narrower than this share of the frame (the smallest comfortable distance in DESIGN section 4 is 0.18).
 */
export const FAR_FACE_MAX_WIDTH = 0.18;

export function measureFrame(input: FrameInput): FrameMeasurement {
  const { t, landmarks, pixels, transformationMatrix } = input;
  const geometry = landmarks && landmarks.length > 0 ? measureFaceGeometry(landmarks) : undefined;
  if (!landmarks || !geometry) return measureWithoutLandmarks(input);

  const m: FrameMeasurement = { t, facePresent: true, ...geometry };
  const pose = transformationMatrix ? headPoseFromMatrix(transformationMatrix) : undefined;
  if (pose) Object.assign(m, pose);

  const ratios = irisRatios(landmarks, input.frameWidth, input.frameHeight);
  if (ratios) {
    // Without a matrix, assume a frontal head: the irises alone still say a lot.
    const lens = transformationMatrix ? directionToLens(transformationMatrix) : undefined;
    const gaze = estimateGaze(ratios, pose ?? { yaw: 0, pitch: 0 }, lens);
    m.gazeAtLens = gaze.gazeAtLens;
    m.gazeScore = gaze.gazeScore;
  }
  if (pixels) Object.assign(m, definedOnly(measureLuminance(pixels, geometry.faceBox)));
  return m;
}

/** No landmarks: either nobody is there, or a face too small for the landmarker that the full-range detector still sees. */
function measureWithoutLandmarks(input: FrameInput): FrameMeasurement {
  const far = input.fullRangeFace;
  if (!far) return { t: input.t, facePresent: false };
  if (far.width < FAR_FACE_MAX_WIDTH) return { t: input.t, facePresent: false, farFace: true, faceBox: far };
  // A face of ordinary size the landmarker missed (e.g. a sharp turn): present, but only its box is known.
  return { t: input.t, facePresent: true, faceBox: far, centreOffsetX: centreOffsetXOf(far) };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
