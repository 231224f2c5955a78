// The raw MediaPipe inputs the camera analysis works from; the figures it produces are defined in core/feedback.
import type { FaceBox } from "~/core/feedback/frame-measurement";

export type { FaceBox, FrameMeasurement } from "~/core/feedback/frame-measurement";

/** A normalised landmark as tasks-vision returns it: x, y in 0..1 of the frame (may stray outside), z relative depth. */
export interface Landmark {
  x: number;
  y: number;
  z: number;
}

/** A small RGBA copy of the frame (e.g. 64x48), row-major, 4 bytes per pixel. */
export interface PixelBuffer {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** Everything the analysis knows about one camera frame. Measurements assume the unmirrored camera image. */
export interface FrameInput {
  /** Frame timestamp in ms (e.g. performance.now() when captured). */
  t: number;
  frameWidth: number;
  frameHeight: number;
  /** FaceLandmarker `faceLandmarks[0]` (478 points with irises), or null when it found no face. */
  landmarks?: readonly Landmark[] | null;
  /** FaceLandmarker `facialTransformationMatrixes[0].data`: 4x4, column-major. */
  transformationMatrix?: ArrayLike<number> | null;
  /** Downscaled RGBA pixels of the same frame, for lighting. */
  pixels?: PixelBuffer | null;
  /** Face box from the full-range FaceDetector; only consulted when the landmarker found nothing. */
  fullRangeFace?: FaceBox | null;
}
