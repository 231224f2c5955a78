// The messages between the page and the camera analysis worker, with checks so neither side acts on a malformed message.
import type { FrameMeasurement } from "~/core/feedback/frame-measurement";

declare const __MEDIAPIPE_ASSET_VERSION__: string | undefined;
/** Set by vite.config.ts from the install-time manifest, so cached files are never stale after an upgrade. */
const ASSET_VERSION = typeof __MEDIAPIPE_ASSET_VERSION__ === "string" ? __MEDIAPIPE_ASSET_VERSION__ : "unbuilt";
const BASE = `/mediapipe/v/${ASSET_VERSION}`;

/** Where the worker finds MediaPipe's files: all on Webside's own origin (public/mediapipe, built at install time). */
export const MEDIAPIPE_FILES = {
  wasmBase: `${BASE}/wasm`,
  landmarkerModel: `${BASE}/models/face_landmarker.task`,
  detectorModel: `${BASE}/models/face_detector_full_range.tflite`,
} as const;

export type MediapipeFiles = { wasmBase: string; landmarkerModel: string; detectorModel: string };

/** Page -> worker. A frame's bitmap is transferred, so the page must not touch it after sending. */
export type ToWorker =
  | { type: "start"; files: MediapipeFiles }
  | { type: "frame"; id: number; t: number; bitmap: ImageBitmap }
  | { type: "stop" };

/** How long each part of one frame's analysis took, ms (measured inside the worker). */
export interface FrameTiming {
  landmarkerMs: number;
  /** 0 when the landmarker found a face and the full-range detector was not needed. */
  detectorMs: number;
  pixelsMs: number;
  totalMs: number;
}

export type WorkerStage = "load" | "frame";

/** Worker -> page. */
export type FromWorker =
  | { type: "ready"; loadMs: number }
  | { type: "measured"; id: number; measurement: FrameMeasurement; timing: FrameTiming }
  /** The worker could not use a frame (not ready yet, or already stopping); the page may send the next one. */
  | { type: "skipped"; id: number }
  | { type: "failed"; stage: WorkerStage; message: string }
  /** The worker refused a request to another origin (MediaPipe's usage log): proof that it never left. */
  | { type: "refused"; origin: string }
  /** The MediaPipe tasks were closed; the worker can be terminated. */
  | { type: "stopped" };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.length <= 2000;
/** Only paths on our own origin: the worker never loads MediaPipe from anywhere else. */
const isOwnPath = (v: unknown): v is string => isText(v) && v.startsWith("/") && !v.startsWith("//");

function isFiles(v: unknown): v is MediapipeFiles {
  return isRecord(v) && isOwnPath(v.wasmBase) && isOwnPath(v.landmarkerModel) && isOwnPath(v.detectorModel);
}

function isBitmap(v: unknown): v is ImageBitmap {
  if (typeof ImageBitmap !== "undefined" && v instanceof ImageBitmap) return true;
  return isRecord(v) && isNumber(v.width) && isNumber(v.height) && typeof v.close === "function";
}

export function isToWorker(v: unknown): v is ToWorker {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case "start":
      return isFiles(v.files);
    case "frame":
      return Number.isInteger(v.id) && isNumber(v.t) && isBitmap(v.bitmap);
    case "stop":
      return true;
    default:
      return false;
  }
}

function isTiming(v: unknown): v is FrameTiming {
  return (
    isRecord(v) && isNumber(v.landmarkerMs) && isNumber(v.detectorMs) && isNumber(v.pixelsMs) && isNumber(v.totalMs)
  );
}

function isMeasurement(v: unknown): v is FrameMeasurement {
  return isRecord(v) && isNumber(v.t) && typeof v.facePresent === "boolean";
}

export function isFromWorker(v: unknown): v is FromWorker {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case "ready":
      return isNumber(v.loadMs);
    case "measured":
      return Number.isInteger(v.id) && isMeasurement(v.measurement) && isTiming(v.timing);
    case "skipped":
      return Number.isInteger(v.id);
    case "failed":
      return (v.stage === "load" || v.stage === "frame") && isText(v.message);
    case "refused":
      return isText(v.origin);
    case "stopped":
      return true;
    default:
      return false;
  }
}

/** What to transfer with a message (the frame's pixels move to the worker rather than being copied). */
export function transferablesOf(message: ToWorker): Transferable[] {
  return message.type === "frame" ? [message.bitmap] : [];
}
