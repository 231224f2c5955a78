// On a phone the camera corner is far below the responses: a small self-view and the current nudge stay in sight
// while the clinician reads and chooses. Desktop shows the corner beside the call instead (hidden there by CSS).
import { useEffect, useRef } from "react";
import type { Nudge } from "~/core/feedback";

export type CompactCameraStatus = "starting" | "running";

/** The one line shown beside the compact self-view: a mute warning first, then the most important nudge. */
export function currentNudgeText({
  status,
  nudges,
  onMute,
}: {
  status: CompactCameraStatus;
  nudges: Nudge[];
  onMute: string | null;
}): string {
  if (status === "starting") return "Starting your camera…";
  return onMute ?? nudges[0]?.text ?? "No camera tips right now.";
}

export function CompactSelfView({
  stream,
  status,
  nudges,
  onMute,
}: {
  /** The camera corner's own stream: shown again here, never opened a second time. */
  stream: MediaStream | null;
  status: CompactCameraStatus;
  nudges: Nudge[];
  onMute: string | null;
}) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  const text = currentNudgeText({ status, nudges, onMute });
  const tip = status === "running" && (onMute !== null || nudges.length > 0);
  return (
    // Hidden from assistive technology: the camera corner's live region already announces each nudge, once.
    <div className="ws-compact-self-view" data-testid="compact-self-view" aria-hidden="true">
      <video ref={video} className="ws-compact-self-view__video" muted playsInline autoPlay />
      <p
        className={`ws-compact-self-view__nudge${tip ? " ws-compact-self-view__nudge--tip" : ""}`}
        data-testid="compact-nudge"
      >
        {text}
      </p>
    </div>
  );
}
