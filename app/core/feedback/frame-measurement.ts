// The per-frame figures the camera analysis hands to the feedback rules (the camera code computes them; the rules only read them).

/** A rectangle in normalised frame coordinates (0..1 of width and height). */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One analysed camera frame. Absent fields could not be measured in that frame. Coordinates are of the unmirrored image. */
export interface FrameMeasurement {
  /** Frame timestamp, ms. */
  t: number;
  facePresent: boolean;
  faceBox?: FaceBox;
  /** Face-box centre x minus 0.5: negative = face towards the image's left edge. */
  centreOffsetX?: number;
  /** Height of the eyes from the top of the frame (0..1). */
  eyeLineY?: number;
  /** Estimated top of the head (0..1 from the top; negative = above the frame). */
  headTopY?: number;
  chinY?: number;
  headTopInFrame?: boolean;
  chinInFrame?: boolean;
  /** Degrees. yaw > 0: face turned towards the image's right; pitch > 0: face tilted down; roll > 0: head tilted anticlockwise in the image. */
  yaw?: number;
  pitch?: number;
  roll?: number;
  gazeAtLens?: boolean;
  /** 0..1: 1 = looking straight into the lens; 0.5 = at the edge of the tolerance. */
  gazeScore?: number;
  /** Rec. 709 luma, 0..255. */
  faceLuma?: number;
  backgroundLuma?: number;
  /** backgroundLuma / faceLuma: how many times brighter the background is than the face. */
  contrast?: number;
  /** The landmarker found nothing but the full-range detector found a small face: the person is too far away. */
  farFace?: boolean;
}
