// The practice room's camera state, owned once per page: the camera corner and the phone's compact self-view both
// read it, so there is one camera, one MediaPipe analysis and one presence recorder however many views show it.
import { useCallback, useEffect, useMemo, useState } from "react";
import { useCameraPreference } from "~/camera/camera-preference";
import { usePresenceBeforeChoice } from "~/camera/presence-before-choice";
import { summaryWithTurns, useCameraReadings, type SpokenTurnLog } from "~/camera/spoken-turn-log";
import { useCameraAnalysis, type CameraAnalysis } from "~/camera/use-camera-analysis";
import { createPresenceRecorder } from "~/core/feedback";

export interface PracticeCameraState {
  /** The clinician's remembered choice: camera feedback on or off. */
  on: boolean;
  setOn(on: boolean): void;
  muted: boolean;
  setMuted(muted: boolean): void;
  analysis: CameraAnalysis;
}

export function usePracticeCamera({
  attemptId,
  nodeId,
  spokenLog,
}: {
  attemptId: string;
  nodeId: string;
  /** "Say it first" turns, sent with the summary; the camera's readings go to it for eye contact while speaking. */
  spokenLog: SpokenTurnLog;
}): PracticeCameraState {
  const [on, setOn] = useCameraPreference();
  const [muted, setMuted] = useState(false);
  // One recorder per attempt, kept while the camera is switched off and on again (a new attempt gets a new one).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const recorder = useMemo(() => createPresenceRecorder(), [attemptId]);
  usePresenceBeforeChoice(
    attemptId,
    useCallback(() => summaryWithTurns(recorder, spokenLog), [recorder, spokenLog]),
  );
  const analysis = useCameraAnalysis({ enabled: on, nodeId, recorder });
  const { snapshot, setMuted: applyMute } = analysis;
  const phase = snapshot?.phase;
  useCameraReadings(snapshot, spokenLog);
  useEffect(() => applyMute(muted), [muted, phase, applyMute]);
  return { on, setOn, muted, setMuted, analysis };
}
