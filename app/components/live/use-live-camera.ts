// The live page's camera feedback on the call's own stream (never a second getUserMedia): the /check verdict in the
// lobby for everyone, and for the learner during the consultation the solo room's nudges and presence recorder, whose
// numbers-only summary is saved to the live attempt now and then, when the script moves on and before the session ends.
import { useCallback, useEffect, useRef, useState } from "react";
import { usePresenceBeforeChoice } from "~/camera/presence-before-choice";
import { postPresence } from "~/camera/presence-upload";
import { createSpokenTurnLog, summaryWithTurns, useCameraReadings } from "~/camera/spoken-turn-log";
import { useCameraAnalysis, type CameraAnalysis } from "~/camera/use-camera-analysis";
import {
  createPresenceRecorder,
  mergePresenceSummaries,
  presenceSummarySchema,
  type PresenceSummary,
} from "~/core/feedback";
import type { StepTime } from "~/core/speech/live-turn-spans";
import { useLiveVoice } from "./use-live-voice";

/** How often the learner's summary so far is saved while nothing else prompts it (a dropped page loses at most this). */
export const LIVE_PRESENCE_SAVE_MS = 10_000;
const END_INTENTS = ["end"] as const;

export interface LiveCameraOptions {
  /** The stream the call sends; null until the browser has given it (or when it refused). */
  stream: MediaStream | null;
  /** Analyse at all: in the lobby for everyone, during the consultation for the learner only. */
  analyse: boolean;
  /** The learner's live attempt once the consultation has started; presence is recorded only then. */
  attemptId: string | null;
  /** The script's current node (the summary is kept per node, as in solo practice). */
  nodeId: string | null;
  /** The script's step (choices made): one spoken turn per step. */
  step: number | null;
  /** When the script reached each step (server clock), so a step this page never showed still gets its turn. */
  stepTimes: readonly StepTime[];
  /** The summary already stored with the attempt when the page loaded (after a reload); this page's figures join it. */
  savedPresence: unknown;
}

export function useLiveCamera({
  stream,
  analyse,
  attemptId,
  nodeId,
  step,
  stepTimes,
  savedPresence,
}: LiveCameraOptions): CameraAnalysis {
  // One recorder for the page: the analysis started in the lobby keeps it when the consultation starts. Frames are
  // recorded only while a node is set, so the lobby's check adds nothing to the summary.
  const [recorder] = useState(createPresenceRecorder);
  const analysis = useCameraAnalysis({ enabled: analyse && stream !== null, stream, nodeId: nodeId ?? "", recorder });
  // Read once: later loads of the page's data hold what this page saved itself, which must not be counted twice.
  const [earlier] = useState(() => {
    const parsed = presenceSummarySchema.safeParse(savedPresence);
    return parsed.success ? parsed.data : null;
  });
  // The learner's spoken turns travel with the summary, as in spoken practice.
  const [log] = useState(createSpokenTurnLog);
  useCameraReadings(analysis.snapshot, log);
  useLiveVoice({
    track: stream?.getAudioTracks()[0] ?? null,
    active: attemptId !== null,
    step,
    nodeId,
    stepTimes,
    log,
  });
  const summarise = useCallback((): PresenceSummary => {
    const now = summaryWithTurns(recorder, log);
    return earlier ? mergePresenceSummaries(earlier, now) : now;
  }, [earlier, recorder, log]);
  // Ending the session waits (at most 1.5 s) for the summary, so the debrief opened next has all of it.
  usePresenceBeforeChoice(attemptId ?? "", summarise, attemptId ? END_INTENTS : NO_INTENTS);
  useLivePresenceSaves(attemptId, nodeId, summarise);
  return analysis;
}

const NO_INTENTS: readonly string[] = [];

/** Saves the summary every few seconds, when the node changes and when the page is left; never one save on another. */
function useLivePresenceSaves(attemptId: string | null, nodeId: string | null, summarise: () => PresenceSummary) {
  const saving = useRef(false);
  const saved = useRef("");
  const save = useCallback(
    (keepalive = false) => {
      if (!attemptId || saving.current) return;
      const summary = summarise();
      // Nothing new since the last save (no frame analysed, no speech measured): nothing to send.
      const news = `${summary.durationMs}:${(summary.spoken ?? []).map((t) => t.speakingMs).join(",")}`;
      if ((summary.durationMs <= 0 && !summary.spoken?.length) || news === saved.current) return;
      saved.current = news;
      saving.current = true;
      void postPresence(attemptId, summary, { keepalive }).finally(() => (saving.current = false));
    },
    [attemptId, summarise],
  );
  useEffect(() => {
    if (!attemptId) return;
    const timer = window.setInterval(() => save(), LIVE_PRESENCE_SAVE_MS);
    const onHide = () => save(true);
    window.addEventListener("pagehide", onHide);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("pagehide", onHide);
    };
  }, [attemptId, save]);
  // The node the learner just finished is complete now: save it (the first node has nothing yet, which is skipped).
  useEffect(() => save(), [nodeId, save]);
}
