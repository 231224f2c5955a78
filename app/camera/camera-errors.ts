// Why the camera feedback could not start, as a specific message a clinician can act on (the practice always goes on without it).

export type CameraProblemKind =
  | "permission-denied"
  | "no-camera"
  | "camera-in-use"
  | "insecure-context"
  | "unsupported"
  | "analysis-failed"
  | "unknown";

export interface CameraProblem {
  kind: CameraProblemKind;
  title: string;
  message: string;
  /** The browser's own words, for whoever helps the clinician (shown small, never instead of the message). */
  detail?: string;
}

const CONTINUE = "You can still practise without camera feedback.";

export const CAMERA_PROBLEMS: Record<CameraProblemKind, Omit<CameraProblem, "kind">> = {
  "permission-denied": {
    title: "Webside is not allowed to use your camera",
    message: `Your browser blocked the camera. Click the camera icon in the address bar (or your browser's site settings), allow the camera and microphone for this site, then try again. ${CONTINUE}`,
  },
  "no-camera": {
    title: "No camera was found",
    message: `Plug in a webcam or check your laptop's camera is switched on, then try again. ${CONTINUE}`,
  },
  "camera-in-use": {
    title: "Your camera is being used by another app",
    message: `Close other video apps (Teams, Zoom, another browser tab), then try again. ${CONTINUE}`,
  },
  "insecure-context": {
    title: "The camera needs a secure connection",
    message: `Browsers only share the camera with sites opened over HTTPS (or on this computer as localhost). Ask your administrator for Webside's https:// address. ${CONTINUE}`,
  },
  unsupported: {
    title: "This browser cannot analyse video",
    message: `Camera feedback needs a recent version of Chrome, Edge, Firefox or Safari. ${CONTINUE}`,
  },
  "analysis-failed": {
    title: "The camera analysis could not start",
    message: `Your camera works, but the part of Webside that analyses it failed to load on this device. Reload the page to try again. ${CONTINUE}`,
  },
  unknown: {
    title: "The camera could not start",
    message: `Something stopped the camera from starting. Reload the page and try again. ${CONTINUE}`,
  },
};

export function cameraProblem(kind: CameraProblemKind, detail?: string): CameraProblem {
  const base = CAMERA_PROBLEMS[kind];
  return detail ? { kind, ...base, detail } : { kind, ...base };
}

/** Maps a getUserMedia rejection (a DOMException, by name) to a problem. */
export function problemFromMediaError(error: unknown): CameraProblem {
  const name =
    typeof error === "object" && error !== null && "name" in error ? String((error as { name: unknown }).name) : "";
  switch (name) {
    case "NotAllowedError":
    case "PermissionDeniedError":
      return cameraProblem("permission-denied");
    case "NotFoundError":
    case "DevicesNotFoundError":
    case "OverconstrainedError":
      return cameraProblem("no-camera");
    case "NotReadableError":
    case "TrackStartError":
    case "AbortError":
      return cameraProblem("camera-in-use");
    case "SecurityError":
      return cameraProblem("insecure-context");
    default:
      return cameraProblem("unknown", error instanceof Error ? error.message : undefined);
  }
}

/** Before asking for the camera: is this page allowed to, and can this browser run the analysis? */
export function environmentProblem(env: {
  isSecureContext?: boolean;
  mediaDevices?: unknown;
  worker?: unknown;
  createImageBitmap?: unknown;
}): CameraProblem | null {
  if (env.isSecureContext === false) return cameraProblem("insecure-context");
  // Browsers hide navigator.mediaDevices entirely on insecure pages.
  if (!env.mediaDevices) return cameraProblem(env.isSecureContext === undefined ? "insecure-context" : "unsupported");
  if (typeof env.worker !== "function" || typeof env.createImageBitmap !== "function")
    return cameraProblem("unsupported");
  return null;
}
