// Holds an attempt's "say it first" turns on the page until they travel with the presence summary (numbers only).
import { useEffect } from "react";
import { framingKeyOf, lightingKeyOf, type PresenceRecorder, type PresenceSummary } from "~/core/feedback";
import type { CameraSnapshot } from "./camera-session";
import type { CameraReading } from "~/core/speech/camera-while-speaking";
import type { SpokenTurn } from "~/core/speech/spoken-turn-schema";

/** Camera readings kept for the turn in progress (about 15 a second for over ten minutes). */
const MAX_READINGS = 10_000;

export interface SpokenTurnLog {
  /** The turn being answered: measured when the summary is taken (just before the choice is sent). */
  setCurrent(measure: (() => SpokenTurn | null) | null): void;
  /** A camera reading, timed with performance.now(); kept only while a turn is being answered. */
  addCameraReading(reading: CameraReading): void;
  /** Readings from `fromMs` (up to `toMs` when given), performance.now() times. */
  cameraReadings(fromMs: number, toMs?: number): CameraReading[];
  /** Keeps turns that have ended (measured by the caller) and stops measuring the current one. */
  close(ended: readonly SpokenTurn[]): void;
  /** The turns so far, including the current one measured now. */
  turns(): SpokenTurn[];
}

export function createSpokenTurnLog(): SpokenTurnLog {
  const byStep = new Map<number, SpokenTurn>();
  let current: (() => SpokenTurn | null) | null = null;
  let readings: CameraReading[] = [];
  return {
    setCurrent(measure) {
      current = measure;
      readings = [];
    },
    addCameraReading(reading) {
      if (!current) return;
      if (readings.length >= MAX_READINGS) readings.shift();
      readings.push(reading);
    },
    cameraReadings: (fromMs, toMs = Infinity) => readings.filter((r) => r.tMs >= fromMs && r.tMs < toMs),
    close(ended) {
      for (const turn of ended) byStep.set(turn.step, turn);
      current = null;
    },
    turns() {
      const now = current?.();
      if (now) byStep.set(now.step, now);
      return [...byStep.values()].sort((a, b) => a.step - b.step);
    },
  };
}

/** The summary to upload: the camera's, with the spoken turns when there are any. */
export function summaryWithTurns(recorder: PresenceRecorder, log: SpokenTurnLog): PresenceSummary {
  const summary = recorder.summary();
  const spoken = log.turns();
  return spoken.length > 0 ? { ...summary, spoken } : summary;
}

/** Feeds each published camera state to the log, so a turn knows where the clinician looked while speaking. */
export function useCameraReadings(snapshot: CameraSnapshot | null, log: SpokenTurnLog): void {
  useEffect(() => {
    if (snapshot?.phase !== "running") return;
    const framing = framingKeyOf(snapshot.states);
    const lighting = lightingKeyOf(snapshot.states);
    log.addCameraReading({
      tMs: performance.now(),
      eyeContact: snapshot.states.eyeContact === null ? null : snapshot.states.eyeContact === "looking",
      framingOk: framing === null ? null : framing === "ok",
      lightingOk: lighting === null ? null : lighting === "ok",
    });
  }, [snapshot, log]);
}
