// The browser's voice capture for spoken rehearsal: a microphone track in, 10 ms voice frames out (measured on the audio
// thread by an AudioWorklet), with the reveal decision and per-turn figures on top. Nothing is recorded or sent: only
// numbers leave the audio thread, and only to this page.
import { HOP_MS, type SpeechFrame } from "~/core/speech/frame-features";
import { revealProgress, type RevealProgress } from "~/core/speech/reveal";
import { measureTurn, type SpeechMeasures } from "~/core/speech/turn-measures";
import type { Segment } from "~/core/speech/voice-activity";
import { frameIndexAt, isFromVoiceWorklet, VOICE_PROCESSOR_NAME, VoiceFrameStore } from "./voice-frames";
// Vite bundles the processor (with the frame maths it imports) as its own file on the app's origin: the CSP's
// script-src 'self' covers AudioWorklet.addModule, so neither eval nor a blob: URL is needed.
import processorUrl from "./voice-worklet.ts?worker&url";

export type VoiceFramesListener = (frames: readonly SpeechFrame[], firstIndex: number) => void;

export interface VoiceTurn {
  /** Stream ms the turn's frames start from (usually when the patient's turn appeared). */
  fromMs: number;
  /** Stream ms the turn's frames end at; the newest frame when left out. */
  toMs?: number;
  /** When the patient finished (end of the read-aloud, or when the turn appeared), stream ms. */
  patientEndMs: number;
  /** When patient lines were being read aloud, stream ms (for talk-over). */
  patientSpeech?: readonly Segment[];
}

export interface VoiceCapture {
  /** The microphone's sample rate, and the rate the frames are measured at (about 16 kHz). */
  readonly sampleRate: number;
  readonly analysisRate: number;
  /** Stream ms of the newest frame heard (0 before any): the stream starts when the first sound block arrives. */
  nowMs(): number;
  /** The stream time (ms) of a performance.now() moment, e.g. when the read-aloud ended. */
  streamMsAt(performanceNow: number): number;
  /** Called with each batch of new frames (about every 50 ms); returns an unsubscribe function. */
  subscribe(listener: VoiceFramesListener): () => void;
  /** Frames heard between two stream times (centres in [fromMs, toMs)). */
  frames(fromMs: number, toMs?: number): { frames: SpeechFrame[]; firstIndex: number };
  /** Whether the clinician has said enough, since `sinceMs`, for the written responses to appear. */
  revealProgress(sinceMs: number): RevealProgress;
  /** The turn's speaking figures (onset, speaking time, pauses, talk-over, rate, pitch variation). */
  measureTurn(turn: VoiceTurn): SpeechMeasures;
  /** AudioContexts may start suspended until the person clicks; call from a click to wake it. */
  resume(): Promise<void>;
  /** Stops listening (the track itself belongs to the caller and is left running). */
  stop(): Promise<void>;
}

export interface VoiceCaptureOptions {
  /** An AudioContext to share; one is made (and closed by stop()) when left out. */
  context?: AudioContext;
}

export class VoiceCaptureUnavailable extends Error {
  override readonly name = "VoiceCaptureUnavailable";
}

/** How long to wait for the first sound block before saying the capture could not start. */
const START_TIMEOUT_MS = 5000;

export async function startVoiceCapture(
  track: MediaStreamTrack,
  options: VoiceCaptureOptions = {},
): Promise<VoiceCapture> {
  if (track.kind !== "audio") throw new VoiceCaptureUnavailable("Voice capture needs a microphone (audio) track.");
  const AudioContextClass = typeof window === "undefined" ? undefined : window.AudioContext;
  if (!options.context && !AudioContextClass)
    throw new VoiceCaptureUnavailable("This browser cannot analyse sound (no Web Audio).");
  const context = options.context ?? new AudioContextClass!();
  const ownContext = !options.context;
  if (!context.audioWorklet) {
    if (ownContext) await context.close().catch(() => undefined);
    throw new VoiceCaptureUnavailable(
      "This browser cannot analyse sound off the page (no AudioWorklet; HTTPS needed).",
    );
  }
  try {
    await context.audioWorklet.addModule(processorUrl);
  } catch (error) {
    if (ownContext) await context.close().catch(() => undefined);
    throw new VoiceCaptureUnavailable(`The voice analysis did not load: ${(error as Error)?.message ?? error}`);
  }

  const store = new VoiceFrameStore();
  const listeners = new Set<VoiceFramesListener>();
  const info = { sampleRate: context.sampleRate, analysisRate: 0, startSec: context.currentTime };
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));

  const source = context.createMediaStreamSource(new MediaStream([track]));
  // No outputs: Chromium pulls such a node on its own, so nothing is routed to the speakers. One input channel:
  // the node mixes a stereo microphone down before the processor sees it.
  const node = new AudioWorkletNode(context, VOICE_PROCESSOR_NAME, {
    numberOfInputs: 1,
    numberOfOutputs: 0,
    channelCount: 1,
    channelCountMode: "explicit",
    channelInterpretation: "speakers",
  });
  node.port.onmessage = (event: MessageEvent<unknown>) => {
    const message = event.data;
    if (!isFromVoiceWorklet(message)) return;
    if (message.type === "started") {
      info.sampleRate = message.sampleRate;
      info.analysisRate = message.analysisRate;
      info.startSec = message.contextTimeSec;
      markStarted();
      return;
    }
    if (!store.add(message)) return;
    const { frames, firstIndex } = store.slice(message.firstIndex);
    for (const listener of listeners) listener(frames, firstIndex);
  };
  source.connect(node);
  if (context.state === "suspended") await context.resume().catch(() => undefined);
  // A suspended context (no click yet) delivers no blocks: do not wait for it, the stream starts once it runs.
  if (context.state === "running")
    await Promise.race([started, new Promise((resolve) => setTimeout(resolve, START_TIMEOUT_MS))]);

  const contextTimeAt = (performanceNow: number) => {
    const stamp = context.getOutputTimestamp?.();
    if (stamp?.contextTime !== undefined && stamp.performanceTime !== undefined && stamp.performanceTime > 0)
      return stamp.contextTime + (performanceNow - stamp.performanceTime) / 1000;
    return context.currentTime + (performanceNow - performance.now()) / 1000;
  };
  const slice = (fromMs: number, toMs?: number) =>
    store.slice(frameIndexAt(fromMs), toMs === undefined ? store.end : frameIndexAt(toMs));
  let stopped = false;

  return {
    get sampleRate() {
      return info.sampleRate;
    },
    get analysisRate() {
      return info.analysisRate;
    },
    nowMs: () => (store.end === 0 ? 0 : frameEndMs(store.end - 1)),
    streamMsAt: (performanceNow) => (contextTimeAt(performanceNow) - info.startSec) * 1000,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    frames: slice,
    revealProgress(sinceMs) {
      const { frames, firstIndex } = slice(sinceMs);
      return revealProgress(frames, firstIndex);
    },
    measureTurn(turn) {
      const { frames, firstIndex } = slice(turn.fromMs, turn.toMs);
      return measureTurn({
        frames,
        firstIndex,
        patientEndMs: turn.patientEndMs,
        patientSpeech: turn.patientSpeech ?? [],
      });
    },
    resume: async () => {
      if (context.state === "suspended") await context.resume().catch(() => undefined);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      listeners.clear();
      node.port.postMessage({ type: "stop" });
      source.disconnect();
      node.port.onmessage = null;
      if (ownContext) await context.close().catch(() => undefined);
    },
  };
}

/** The stream ms at which frame `index`'s window ends (the moment it was measured). */
function frameEndMs(index: number): number {
  return (index + 1) * HOP_MS;
}
