// The live page's call: the colleagues' video (LiveStage) and your own self-view with the camera check, both on one
// camera stream. In the lobby everyone sees /check's verdict; once the consultation starts the learner keeps the
// private nudges and their presence figures are recorded with the live attempt; the others see just their picture.
import { useState } from "react";
import type { StepTime } from "~/core/speech/live-turn-spans";
import { LiveStage, type LiveStageProps } from "./live-stage";
import { LiveSelfView } from "./live-self-view";
import { useLiveCamera } from "./use-live-camera";
import { useShareCallCheck } from "./use-share-call-check";

export interface LiveCallProps extends Omit<LiveStageProps, "onLocalStream" | "self" | "layout"> {
  role: "learner" | "actor" | "observer";
  phase: "lobby" | "running";
  /** The learner's live attempt (null for the others, and before the start). */
  attemptId: string | null;
  /** The script's current node and step, once the consultation has started. */
  nodeId: string | null;
  step: number | null;
  /** When the script reached each step, by the server's clock (the learner's page; empty for the others). */
  stepTimes: readonly StepTime[];
  /** The learner's presence figures already stored (after a reload). */
  savedPresence: unknown;
}

export function LiveCall({ role, phase, attemptId, nodeId, step, stepTimes, savedPresence, ...stage }: LiveCallProps) {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const learner = role === "learner";
  const mode = phase === "lobby" ? "check" : learner ? "nudges" : "plain";
  const analysis = useLiveCamera({
    stream,
    analyse: mode !== "plain",
    attemptId: learner && phase === "running" ? attemptId : null,
    nodeId: phase === "running" ? nodeId : null,
    step: phase === "running" ? step : null,
    stepTimes,
    savedPresence,
  });
  useShareCallCheck(phase === "lobby", analysis.readiness);
  return (
    <LiveStage
      {...stage}
      layout={learner ? "learner" : "grid"}
      onLocalStream={setStream}
      self={<LiveSelfView stream={stream} analysis={analysis} mode={mode} />}
    />
  );
}
