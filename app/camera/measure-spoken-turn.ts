// One spoken turn's figures from the voice frames heard since it began, with the camera's readings while the
// clinician spoke: shared by "say it first" (the turn starts when the patient's lines appear) and live role-play.
import type { SpokenTurnLog } from "~/camera/spoken-turn-log";
import type { VoiceCapture } from "~/camera/voice-capture";
import { cameraWhileSpeaking } from "~/core/speech/camera-while-speaking";
import type { SpokenTurn } from "~/core/speech/spoken-turn-schema";
import { speechSegmentsOf } from "~/core/speech/turn-measures";

export interface TurnClock {
  key: string;
  /** performance.now() times. */
  shownAt: number;
  /** When the turn ended, if it has (a live step the page learned of late); otherwise it runs to the newest frame. */
  endAt?: number | null;
  patientEndAt: number | null;
  patientLines: Array<{ startMs: number; endMs: number }>;
  revealed: boolean;
  early: boolean;
}

/** The turn's figures from the frames heard since it appeared, with the camera's readings while the clinician spoke. */
export function measureSpokenTurn(
  capture: VoiceCapture,
  turn: TurnClock,
  where: { step: number; nodeId: string },
  log: SpokenTurnLog,
): SpokenTurn | null {
  const fromMs = Math.max(0, capture.streamMsAt(turn.shownAt));
  const toMs = turn.endAt == null ? undefined : Math.max(fromMs, capture.streamMsAt(turn.endAt));
  const patientEndMs = capture.streamMsAt(turn.patientEndAt ?? turn.shownAt);
  const measures = capture.measureTurn({
    fromMs,
    toMs,
    patientEndMs,
    patientSpeech: turn.patientLines.map((l) => ({
      startMs: capture.streamMsAt(l.startMs),
      endMs: capture.streamMsAt(l.endMs),
    })),
  });
  const segments = speechSegmentsOf(capture.frames(fromMs, toMs));
  const readings = log
    .cameraReadings(turn.shownAt, turn.endAt ?? undefined)
    .map((r) => ({ ...r, tMs: capture.streamMsAt(r.tMs) }));
  return {
    step: where.step,
    node: where.nodeId,
    optionsShownEarly: turn.early,
    ...measures,
    // The upload refuses figures outside these bounds; an unusual recording must not cost the whole summary.
    syllablesPerSecond: measures.syllablesPerSecond === null ? null : Math.min(measures.syllablesPerSecond, 20),
    pitchVariationSt: measures.pitchVariationSt === null ? null : Math.min(measures.pitchVariationSt, 24),
    camera: cameraWhileSpeaking(readings, segments),
  };
}
