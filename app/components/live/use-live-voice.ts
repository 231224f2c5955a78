// The learner's voice measures in a live consultation, as in spoken practice (numbers only, on the device): each
// script step is a turn, measured from when it appeared to when the script moved on. Their colleague speaks the
// patient's lines, so Webside does not know when the patient finished: no onset or talk-over is claimed for a turn.
import { useEffect, useState } from "react";
import { measureSpokenTurn } from "~/camera/measure-spoken-turn";
import type { SpokenTurnLog } from "~/camera/spoken-turn-log";
import type { VoiceCapture } from "~/camera/voice-capture";
import { useWakeOnInteraction } from "~/camera/wake-on-interaction";

export function useLiveVoice({
  track,
  active,
  step,
  nodeId,
  log,
}: {
  /** The call's microphone track (shared with the call; the capture never stops it). */
  track: MediaStreamTrack | null;
  /** The learner, once the consultation has started. */
  active: boolean;
  step: number | null;
  nodeId: string | null;
  log: SpokenTurnLog;
}): void {
  const [capture, setCapture] = useState<VoiceCapture | null>(null);
  useEffect(() => {
    if (!active || !track) return;
    let cancelled = false;
    let started: VoiceCapture | null = null;
    import("~/camera/voice-capture")
      .then(({ startVoiceCapture }) => startVoiceCapture(track))
      .then((voice) => {
        started = voice;
        if (cancelled) void voice.stop();
        else setCapture(voice);
      })
      // No sound analysis in this browser: the camera's figures are still recorded.
      .catch(() => undefined);
    return () => {
      cancelled = true;
      void started?.stop();
      setCapture(null);
    };
  }, [active, track]);

  // Browsers may hold the sound analysis until the page is touched: any click or key wakes it.
  useWakeOnInteraction(capture);

  // A new step: the last one's figures are kept as they stand now, and the new turn starts.
  useEffect(() => {
    if (!capture || step === null || nodeId === null) return;
    log.turns();
    const turn = {
      key: String(step),
      shownAt: performance.now(),
      patientEndAt: null,
      patientLines: [],
      revealed: true,
      early: false,
    };
    log.setCurrent(() => {
      const measured = measureSpokenTurn(capture, turn, { step, nodeId }, log);
      return measured && { ...measured, onsetMs: null, talkOverMs: 0 };
    });
  }, [capture, step, nodeId, log]);
}
