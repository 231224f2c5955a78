// The clinician's own camera, mirrored like a mirror (the analysis works on the unmirrored frames).
import type { RefObject } from "react";

export function SelfView({
  videoRef,
  size = "large",
}: {
  videoRef: RefObject<HTMLVideoElement>;
  size?: "large" | "corner";
}) {
  return (
    <div className={`ws-camera-view ws-camera-view--${size}`}>
      {/* Muted: your own voice must not play back to you. No captions: it is your own silent picture. */}
      <video
        ref={videoRef}
        className="ws-camera-view__video"
        muted
        playsInline
        autoPlay
        aria-label="Your camera, shown as a mirror image"
      />
    </div>
  );
}
