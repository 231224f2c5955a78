// React hook for camera feedback: starts a session when enabled (loading the camera code only then), exposes its status and nudges.
import { useCallback, useEffect, useRef, useState } from "react";
import { assessReadiness, type PresenceRecorder, type Readiness } from "~/core/feedback";
import { cameraProblem } from "./camera-errors";
import type { CameraSession, CameraSnapshot } from "./camera-session";

export type { CameraSnapshot } from "./camera-session";

export interface CameraAnalysis {
  /** Attach to the self-view <video>; the session plays the camera into it. */
  videoRef: React.RefObject<HTMLVideoElement>;
  /** null while the camera is off. */
  snapshot: CameraSnapshot | null;
  readiness: Readiness | null;
  setMuted(muted: boolean): void;
  /** Wakes the microphone's audio context (browsers may hold it until a click). */
  resumeAudio(): void;
}

export interface CameraAnalysisOptions {
  enabled: boolean;
  /** The scenario node the clinician is on (practice room only). */
  nodeId?: string;
  /** Records the presence summary; keep the same one for the whole attempt. */
  recorder?: PresenceRecorder;
  /** Analyse this stream instead of opening the camera (the live call's own); read when the analysis starts. */
  stream?: MediaStream | null;
}

export function useCameraAnalysis({ enabled, nodeId, recorder, stream }: CameraAnalysisOptions): CameraAnalysis {
  const videoRef = useRef<HTMLVideoElement>(null);
  const sessionRef = useRef<CameraSession | null>(null);
  const nodeRef = useRef(nodeId);
  const [snapshot, setSnapshot] = useState<CameraSnapshot | null>(null);

  useEffect(() => {
    nodeRef.current = nodeId;
    if (nodeId !== undefined) sessionRef.current?.setNode(nodeId);
  }, [nodeId]);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let session: CameraSession | null = null;
    const video = videoRef.current;
    if (!video) return;
    import("./camera-session")
      .then(({ startCameraSession }) =>
        startCameraSession({
          video,
          nodeId: nodeRef.current,
          recorder,
          stream: stream ?? undefined,
          onChange: (next) => {
            if (!cancelled) setSnapshot(next);
          },
        }),
      )
      .then((started) => {
        session = started;
        if (cancelled) void started.stop();
        else sessionRef.current = started;
      })
      .catch(() => {
        // The camera code itself failed to load (e.g. the network dropped): say so; the practice goes on.
        if (!cancelled) setSnapshot(failedSnapshot());
      });
    return () => {
      cancelled = true;
      sessionRef.current = null;
      void session?.stop();
      setSnapshot(null);
    };
    // The recorder is one per attempt; a new one does not restart the camera. A shared stream comes with `enabled`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled]);

  const setMuted = useCallback((muted: boolean) => sessionRef.current?.setMuted(muted), []);
  const resumeAudio = useCallback(() => void sessionRef.current?.resumeAudio(), []);
  const readiness =
    snapshot && snapshot.phase !== "failed" ? assessReadiness(snapshot.states, snapshot.microphone) : null;
  return { videoRef, snapshot, readiness, setMuted, resumeAudio };
}

function failedSnapshot(): CameraSnapshot {
  return {
    phase: "failed",
    problem: cameraProblem("analysis-failed"),
    stream: null,
    states: {
      presence: null,
      centring: null,
      eyeLine: null,
      distance: null,
      headInFrame: null,
      headPose: null,
      lighting: null,
      backlight: null,
      eyeContact: null,
    },
    nudges: [],
    microphone: "unavailable",
    micLevel: 0,
    speaking: false,
    onMute: false,
    muted: false,
    figures: {
      fps: 0,
      frames: 0,
      frameMedianMs: null,
      frameP95Ms: null,
      firstFrameMs: null,
      firstStatusMs: null,
      loadMs: null,
      refused: 0,
    },
  };
}
