// Head yaw, pitch and roll (degrees) from the FaceLandmarker's facial transformation matrix.

const DEGREES = 180 / Math.PI;

export interface HeadPose {
  yaw: number;
  pitch: number;
  roll: number;
}

/**
 * Reads a column-major 4x4 matrix (as tasks-vision returns it) whose upper 3x3 is the head's rotation
 * R = Ry(yaw) * Rx(pitch) * Rz(roll) in camera space (x right, y up, z towards the viewer).
 * Signs: yaw > 0 turns the face towards the image's right, pitch > 0 tilts it down, roll > 0 tilts it anticlockwise.
 */
export function headPoseFromMatrix(m: ArrayLike<number>): HeadPose | undefined {
  if (m.length < 16) return undefined;
  // Element (row r, column c) of a column-major matrix sits at c * 4 + r.
  const at = (r: number, c: number) => m[c * 4 + r] ?? NaN;
  const sinPitch = -at(1, 2);
  const pitch = Math.asin(Math.max(-1, Math.min(1, sinPitch)));
  const yaw = Math.atan2(at(0, 2), at(2, 2));
  const roll = Math.atan2(at(1, 0), at(1, 1));
  const pose = { yaw: yaw * DEGREES, pitch: pitch * DEGREES, roll: roll * DEGREES };
  return Number.isFinite(pose.yaw) && Number.isFinite(pose.pitch) && Number.isFinite(pose.roll) ? pose : undefined;
}

/**
 * The yaw and pitch a face would need to point straight at the lens from where it sits (the matrix's translation).
 * A face off to one side looks at the lens with a slight turn; gaze is judged against this, not against zero.
 */
export function directionToLens(m: ArrayLike<number>): { yaw: number; pitch: number } | undefined {
  const tx = m[12];
  const ty = m[13];
  const tz = m[14];
  // The face is in front of the camera only when z is negative; anything else is a degenerate estimate.
  if (tx === undefined || ty === undefined || tz === undefined || !(tz < 0)) return undefined;
  return {
    yaw: Math.atan2(-tx, -tz) * DEGREES,
    pitch: Math.atan2(ty, Math.hypot(tx, tz)) * DEGREES,
  };
}
