// DESIGN section 4's starting thresholds for camera feedback, as named numbers (change them here, and record why in an ADR).

/** Face present: good when a face is seen in at least this share of the presence window. */
export const PRESENCE_MIN_SHARE = 0.9;
export const PRESENCE_WINDOW_MS = 2000;

/** Centred: good when abs(face centre x - 0.5) is at most this. */
export const CENTRE_MAX_OFFSET = 0.15;

/** Eye line: good when the eyes are this far down the frame (share of its height). */
export const EYE_LINE_MIN_Y = 0.25;
export const EYE_LINE_MAX_Y = 0.45;

/** Distance: good when the face is this wide (share of the frame width). */
export const FACE_WIDTH_MIN = 0.18;
export const FACE_WIDTH_MAX = 0.55;

/** Head pose: good when abs(pitch) and abs(yaw) are within these, degrees. */
export const HEAD_PITCH_MAX_DEG = 15;
export const HEAD_YAW_MAX_DEG = 20;

/** Eye contact: good when gaze is at the lens for at least this share of speaking time. */
export const EYE_CONTACT_MIN_SHARE = 0.6;

/** Lighting: good when the face's mean luma (0-255) is within this range. */
export const FACE_LUMA_MIN = 70;
export const FACE_LUMA_MAX = 200;

/** Backlight: good when the background is not more than this many times brighter than the face. */
export const BACKLIGHT_MAX_RATIO = 1.4;

/** Smoothing: the per-frame state is the most common of the last this-many frames. */
export const SMOOTHING_FRAMES = 5;
/** A new state is reported once it holds CONFIRM_SHARE of the last CONFIRM_WINDOW_MS (so after ~1 s of steady input). */
export const CONFIRM_WINDOW_MS = 1200;
export const CONFIRM_SHARE = 0.8;
/** A gap between frames longer than this counts only this long: a stalled camera is no evidence. */
export const MAX_FRAME_HOLD_MS = 250;

/** Eye contact is judged over the speaking time within this window, once there is enough of it. */
export const EYE_CONTACT_WINDOW_MS = 10_000;
export const EYE_CONTACT_MIN_SPEAKING_MS = 1500;
