// "Say it first": reads the patient's turn aloud, listens for the clinician's spoken answer, then lets the responses appear.
import { useCallback, useEffect, useRef, useState } from "react";
import { measureSpokenTurn, type TurnClock } from "~/camera/measure-spoken-turn";
import type { SpokenTurnLog } from "~/camera/spoken-turn-log";
import type { VoiceCapture } from "~/camera/voice-capture";
import { useWakeOnInteraction } from "~/camera/wake-on-interaction";
import { speakLines } from "./read-aloud";

export type Listening =
  /** Not in say-it-first mode. */
  | { state: "off" }
  | { state: "starting" }
  | { state: "listening" }
  /** No microphone (refused, absent, or no Web Audio): the responses are shown as usual. */
  | { state: "unavailable"; message: string };

export interface SayItFirst {
  listening: Listening;
  /** The written responses may be shown (always true outside say-it-first mode or without a microphone). */
  revealed: boolean;
  /** How the responses came to be shown this turn. */
  revealedBy: "speech" | "button" | null;
  /** Speech heard since the patient finished, ms (for the "we can hear you" line). */
  speechMs: number;
  /** The patient's lines are still being read aloud. */
  patientSpeaking: boolean;
  /** "I can't speak here: show the options". */
  showOptions(): void;
}

/** Why the microphone could not be used, in words a clinician can act on. */
export function microphoneProblem(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  const why =
    name === "NotAllowedError" || name === "SecurityError"
      ? "Microphone access was refused."
      : name === "NotFoundError" || name === "OverconstrainedError"
        ? "No microphone was found."
        : name === "NotReadableError"
          ? "Another app is using the microphone."
          : "The microphone could not be started.";
  return `${why} The responses are shown as usual: read them and choose. To answer aloud, allow the microphone and reload this page.`;
}

export function useSayItFirst(options: {
  enabled: boolean;
  turnKey: string;
  step: number;
  nodeId: string;
  lines: Array<{ speaker: string; text: string }>;
  castIds: string[];
  log: SpokenTurnLog;
}): SayItFirst {
  const { enabled, turnKey, step, nodeId, log } = options;
  const [listening, setListening] = useState<Listening>(enabled ? { state: "starting" } : { state: "off" });
  const [capture, setCapture] = useState<VoiceCapture | null>(null);
  const [revealedBy, setRevealedBy] = useState<SayItFirst["revealedBy"]>(null);
  const [speechMs, setSpeechMs] = useState(0);
  const [patientSpeaking, setPatientSpeaking] = useState(false);
  const clock = useRef<TurnClock | null>(null);
  const latest = useRef(options);
  latest.current = options;

  // The microphone, for the whole attempt: refused or absent means today's mode, said plainly.
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let track: MediaStreamTrack | null = null;
    let started: VoiceCapture | null = null;
    (async () => {
      try {
        if (!navigator.mediaDevices?.getUserMedia) throw new Error("no getUserMedia");
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        track = stream.getAudioTracks()[0] ?? null;
        if (!track) throw Object.assign(new Error("no audio track"), { name: "NotFoundError" });
        const { startVoiceCapture } = await import("~/camera/voice-capture");
        started = await startVoiceCapture(track);
        if (cancelled) return void started.stop();
        setCapture(started);
        setListening({ state: "listening" });
      } catch (error) {
        track?.stop();
        if (!cancelled) setListening({ state: "unavailable", message: microphoneProblem(error) });
      }
    })();
    return () => {
      cancelled = true;
      void started?.stop();
      track?.stop();
    };
  }, [enabled]);

  // Each new turn: read the patient's lines aloud, note when they finish, hide the responses again.
  useEffect(() => {
    if (!enabled) return;
    const turn: TurnClock = {
      key: turnKey,
      shownAt: performance.now(),
      patientEndAt: null,
      patientLines: [],
      revealed: false,
      early: false,
    };
    clock.current = turn;
    setRevealedBy(null);
    setSpeechMs(0);
    setPatientSpeaking(true);
    const stop = speakLines(latest.current.lines, latest.current.castIds, {
      onLine: (line) => turn.patientLines.push(line),
      onDone: () => {
        turn.patientEndAt = performance.now();
        if (clock.current === turn) setPatientSpeaking(false);
      },
    });
    return () => {
      stop();
      log.setCurrent(null);
    };
  }, [enabled, turnKey, log]);

  // While a turn is open, the log can measure it at any moment (the choice takes the figures with it).
  useEffect(() => {
    const turn = clock.current;
    if (!enabled || !capture || !turn) return;
    log.setCurrent(() => measureSpokenTurn(capture, turn, { step, nodeId }, log));
  }, [enabled, capture, turnKey, step, nodeId, log]);

  // Browsers may hold the sound analysis until the page is touched: any click or key wakes it.
  useWakeOnInteraction(capture);

  // Listen for the answer: about 1.5 s of speech after the patient finished, then a pause.
  useEffect(() => {
    if (!enabled || !capture) return;
    return capture.subscribe(() => {
      const turn = clock.current;
      if (!turn || turn.revealed || turn.patientEndAt === null) return;
      const progress = capture.revealProgress(Math.max(0, capture.streamMsAt(turn.patientEndAt)));
      setSpeechMs(progress.speechMs);
      if (progress.ready) {
        turn.revealed = true;
        setRevealedBy("speech");
      }
    });
  }, [enabled, capture]);

  const showOptions = useCallback(() => {
    const turn = clock.current;
    if (!turn || turn.revealed) return;
    turn.revealed = true;
    turn.early = true;
    setRevealedBy("button");
  }, []);

  const active = enabled && listening.state !== "unavailable";
  return {
    listening,
    revealed: !active || revealedBy !== null,
    revealedBy,
    speechMs,
    patientSpeaking: active && patientSpeaking,
    showOptions,
  };
}
