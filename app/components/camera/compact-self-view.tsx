// On a phone the camera corner is far below the responses: a small self-view and the current nudge stay in sight
// while the clinician reads and chooses. Desktop shows the corner beside the call instead (hidden there by CSS).
import { useEffect, useRef } from "react";
import type { Nudge } from "~/core/feedback";

/** Read by the stylesheet's scroll padding (_camera.scss). */
const HEIGHT_PROPERTY = "--ws-compact-self-view-height";

/** The corner's own words for each phase, so the two views never disagree. */
export type CompactCameraStatus = "starting" | "loading" | "running";

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
  if (status === "loading") return "Getting the camera tips ready…";
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
  const strip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (video.current && video.current.srcObject !== stream) video.current.srcObject = stream;
  }, [stream]);
  useEffect(() => {
    // Its height changes with the nudge's length and the screen's width; the page's scroll padding follows it, so
    // a response reached by keyboard is never left under the strip.
    const element = strip.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    const observer = new ResizeObserver(() => {
      root.style.setProperty(HEIGHT_PROPERTY, `${element.getBoundingClientRect().height}px`);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(HEIGHT_PROPERTY);
    };
  }, []);
  const text = currentNudgeText({ status, nudges, onMute });
  const tip = status === "running" && (onMute !== null || nudges.length > 0);
  return (
    // Hidden from assistive technology: the camera corner's live region already announces each nudge, once.
    <div ref={strip} className="ws-compact-self-view" data-testid="compact-self-view" aria-hidden="true">
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
