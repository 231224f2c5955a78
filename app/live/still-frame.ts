// A video track that shows one frame and never changes: what a scripted "the patient's video freezes" sends the learner.

export interface StillFrame {
  track: MediaStreamTrack;
  stop(): void;
}

const FALLBACK_SIZE = { width: 640, height: 480 };
/** The freeze should happen when the script says, so a camera with no frame yet is not waited for long. */
const FIRST_FRAME_WAIT_MS = 1000;

/**
 * Copies the camera's current frame onto a canvas and sends the canvas as a track that produces no further frames
 * (`captureStream(0)` only emits when asked, and it is asked once). The far side's picture therefore stops on this
 * frame, as a frozen call does, while the connection itself stays healthy. If no frame can be read yet, the still
 * is black.
 */
export async function captureStillFrame(source: MediaStreamTrack): Promise<StillFrame> {
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream([source]);
  const canvas = document.createElement("canvas");
  try {
    await video.play();
    if (video.videoWidth === 0) {
      await new Promise((resolve) => {
        video.addEventListener("resize", resolve, { once: true });
        setTimeout(resolve, FIRST_FRAME_WAIT_MS);
      });
    }
  } catch {
    // A paused or ended camera cannot be read; the still stays black rather than the effect failing.
  }
  canvas.width = video.videoWidth || FALLBACK_SIZE.width;
  canvas.height = video.videoHeight || FALLBACK_SIZE.height;
  const context = canvas.getContext("2d");
  if (context) {
    context.fillStyle = "#000";
    context.fillRect(0, 0, canvas.width, canvas.height);
    if (video.videoWidth > 0) context.drawImage(video, 0, 0, canvas.width, canvas.height);
  }
  video.pause();
  video.srcObject = null;
  const stream = canvas.captureStream(0);
  const track = stream.getVideoTracks()[0];
  if (!track) throw new Error("This browser cannot send a still picture.");
  (track as CanvasCaptureMediaStreamTrack).requestFrame();
  return { track, stop: () => track.stop() };
}
