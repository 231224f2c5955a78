// The learner's voice measures in a live consultation, as in spoken practice (numbers only, on the device): each
// script step is a turn, measured from when it appeared to when the script moved on. Their colleague speaks the
// patient's lines, so Webside does not know when the patient finished: no onset or talk-over is claimed for a turn.
import { useEffect, useRef, useState } from "react";
import { measureSpokenTurn, type TurnClock } from "~/camera/measure-spoken-turn";
import type { SpokenTurnLog } from "~/camera/spoken-turn-log";
import type { VoiceCapture } from "~/camera/voice-capture";
import { useWakeOnInteraction } from "~/camera/wake-on-interaction";
import { liveTurnSpans, type StepTime } from "~/core/speech/live-turn-spans";
import type { SpokenTurn } from "~/core/speech/spoken-turn-schema";

/** One turn's figures; a colleague spoke the patient's lines, so there is no onset or talk-over to claim. */
function measureLiveTurn(
  capture: VoiceCapture,
  where: { step: number; nodeId: string; startMs: number; endMs: number | null },
  log: SpokenTurnLog,
): SpokenTurn | null {
  const clock: TurnClock = {
    key: String(where.step),
    shownAt: where.startMs,
    endAt: where.endMs,
    patientEndAt: null,
    patientLines: [],
    revealed: true,
    early: false,
  };
  const measured = measureSpokenTurn(capture, clock, { step: where.step, nodeId: where.nodeId }, log);
  return measured && { ...measured, onsetMs: null, talkOverMs: 0 };
}

export function useLiveVoice({
  track,
  active,
  step,
  nodeId,
  stepTimes,
  log,
}: {
  /** The call's microphone track (shared with the call; the capture never stops it). */
  track: MediaStreamTrack | null;
  /** The learner, once the consultation has started. */
  active: boolean;
  step: number | null;
  nodeId: string | null;
  /** When the script reached each step, by the server's clock: places the turns of steps this page never showed. */
  stepTimes: readonly StepTime[];
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

  // Read when a step arrives; the times come in the same page data as the step itself.
  const times = useRef(stepTimes);
  times.current = stepTimes;
  const inProgress = useRef<{ capture: VoiceCapture; step: number; nodeId: string; shownAt: number } | null>(null);

  // A new step ends the turns before it (one per step, even for steps this page never showed) and starts its own.
  useEffect(() => {
    if (!capture || step === null || nodeId === null) return;
    const now = performance.now();
    const last = inProgress.current;
    if (last && last.capture === capture && step > last.step) {
      const spans = liveTurnSpans(last, step, now, times.current);
      log.close(spans.flatMap((span) => measureLiveTurn(capture, span, log) ?? []));
    } else {
      log.turns();
    }
    inProgress.current = { capture, step, nodeId, shownAt: now };
    log.setCurrent(() => measureLiveTurn(capture, { step, nodeId, startMs: now, endMs: null }, log));
  }, [capture, step, nodeId, log]);
}
