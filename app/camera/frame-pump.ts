// Sends camera frames to the analysis worker one at a time: a new frame goes only when the last one is answered (frames are dropped, never queued).
import type { ToWorker } from "./protocol";

/** Frames wider than this are scaled down before analysis: MediaPipe works at 256 px, so more only costs copying. */
export const MAX_ANALYSIS_WIDTH = 640;
/** No point analysing faster than a camera delivers. */
export const MAX_ANALYSIS_FPS = 30;
/** Frames of a 30 fps camera arrive 33 ms apart give or take jitter; the cap only thins out faster cameras. */
const MIN_GAP_MS = (1000 / MAX_ANALYSIS_FPS) * 0.8;

export interface FramePumpStats {
  sent: number;
  /** Frames the camera produced while the previous one was still being analysed. */
  dropped: number;
}

export interface FramePump {
  /** Call when the worker answers a frame (measured or skipped), so the next one may go. */
  answered(id: number): void;
  stop(): void;
  readonly stats: FramePumpStats;
}

/** Starts pumping frames from a playing video element; `send` posts one message (with its bitmap transferred). */
export function startFramePump(
  video: HTMLVideoElement,
  send: (message: Extract<ToWorker, { type: "frame" }>) => void,
): FramePump {
  // requestVideoFrameCallback fires once per new camera frame; a timer is the fallback for browsers without it.
  const perFrame = typeof video.requestVideoFrameCallback === "function";
  const stats: FramePumpStats = { sent: 0, dropped: 0 };
  let inFlight: number | null = null;
  let nextId = 1;
  let stopped = false;
  let handle: number | undefined;
  let lastSentAt = -Infinity;

  const schedule = () => {
    if (stopped) return;
    handle = perFrame ? video.requestVideoFrameCallback(onFrame) : window.setTimeout(onFrame, 1000 / MAX_ANALYSIS_FPS);
  };

  const onFrame = () => {
    if (stopped) return;
    const now = performance.now();
    if (inFlight !== null) {
      stats.dropped++;
    } else if (now - lastSentAt >= MIN_GAP_MS && video.videoWidth > 0 && video.readyState >= 2) {
      lastSentAt = now;
      const id = nextId++;
      inFlight = id;
      void grab(video)
        .then((bitmap) => {
          if (stopped) return bitmap.close();
          stats.sent++;
          send({ type: "frame", id, t: now, bitmap });
        })
        .catch(() => {
          // The video had no frame to give (e.g. it just ended): try the next one.
          if (inFlight === id) inFlight = null;
        });
    }
    schedule();
  };

  schedule();
  return {
    answered(id) {
      if (inFlight === id) inFlight = null;
    },
    stop() {
      stopped = true;
      if (handle === undefined) return;
      if (perFrame) video.cancelVideoFrameCallback(handle);
      else window.clearTimeout(handle);
    },
    get stats() {
      return { ...stats };
    },
  };
}

function grab(video: HTMLVideoElement): Promise<ImageBitmap> {
  const { videoWidth: w, videoHeight: h } = video;
  if (w <= MAX_ANALYSIS_WIDTH) return createImageBitmap(video);
  return createImageBitmap(video, {
    resizeWidth: MAX_ANALYSIS_WIDTH,
    resizeHeight: Math.round((h * MAX_ANALYSIS_WIDTH) / w),
    resizeQuality: "low",
  });
}
