// Voice frames on their way from the audio thread to the page: batched as they are made, kept in order on arrival.
// Pure (no Web Audio), so the frame assembly from the browser's 128-sample blocks is tested in Node.
// A relative path: Vite bundles the AudioWorklet (which imports this file) without the app's "~/" alias.
import { FrameAnalyser, HOP_MS, WINDOW_MS, type SpeechFrame } from "../core/speech/frame-features";

/** The name the AudioWorklet processor is registered under. */
export const VOICE_PROCESSOR_NAME = "webside-voice-frames";
/** Frames per message from the audio thread: 5 x 10 ms keeps the reveal responsive without a message every block. */
export const FRAMES_PER_BATCH = 5;
/** Frames the page keeps (an hour of 10 ms frames); older ones are dropped, so a long session cannot grow without end. */
export const MAX_KEPT_FRAMES = 360_000;

/** Audio thread -> page: consecutive frames from stream index `firstIndex`, as two parallel lists of numbers. */
export interface VoiceFramesMessage {
  type: "frames";
  firstIndex: number;
  db: number[];
  pitchHz: number[];
}

/** Audio thread -> page, once, before any frames: the sample rate and when (context time, s) stream index 0 began. */
export interface VoiceStartMessage {
  type: "started";
  sampleRate: number;
  analysisRate: number;
  contextTimeSec: number;
}

export type FromVoiceWorklet = VoiceStartMessage | VoiceFramesMessage;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNumber);

export function isFromVoiceWorklet(v: unknown): v is FromVoiceWorklet {
  if (!isRecord(v)) return false;
  if (v.type === "started") return isNumber(v.sampleRate) && isNumber(v.analysisRate) && isNumber(v.contextTimeSec);
  return (
    v.type === "frames" &&
    Number.isInteger(v.firstIndex) &&
    (v.firstIndex as number) >= 0 &&
    isNumberList(v.db) &&
    isNumberList(v.pitchHz) &&
    v.db.length === v.pitchHz.length
  );
}

/** Runs on the audio thread: feeds each block of samples to the analysis and hands back full batches of frames. */
export class VoiceFrameBatcher {
  private readonly analyser: FrameAnalyser;
  private next = 0;
  private pending: SpeechFrame[] = [];

  constructor(
    sampleRate: number,
    private readonly perBatch = FRAMES_PER_BATCH,
  ) {
    this.analyser = new FrameAnalyser(sampleRate);
  }

  get analysisRate(): number {
    return this.analyser.rate;
  }

  /** One block of mono samples (-1..1); returns the batches it completed (usually none or one). */
  push(samples: ArrayLike<number>): VoiceFramesMessage[] {
    this.pending.push(...this.analyser.push(samples));
    const out: VoiceFramesMessage[] = [];
    while (this.pending.length >= this.perBatch) out.push(this.take(this.perBatch));
    return out;
  }

  /** Whatever is left (when stopping). */
  flush(): VoiceFramesMessage | null {
    return this.pending.length > 0 ? this.take(this.pending.length) : null;
  }

  private take(count: number): VoiceFramesMessage {
    const frames = this.pending.splice(0, count);
    const message: VoiceFramesMessage = {
      type: "frames",
      firstIndex: this.next,
      db: frames.map((f) => f.db),
      pitchHz: frames.map((f) => f.pitchHz),
    };
    this.next += count;
    return message;
  }
}

/** The average of a block's channels: the analysis wants one signal, and a stereo microphone sends two copies of it. */
export function mixToMono(channels: readonly Float32Array[], into?: Float32Array): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first;
  const out = into && into.length === first.length ? into : new Float32Array(first.length);
  for (let i = 0; i < first.length; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i] ?? 0;
    out[i] = sum / channels.length;
  }
  return out;
}

/** The first frame whose centre is at or after `ms` into the stream. */
export function frameIndexAt(ms: number): number {
  // Frame i is centred at (i + 1) * HOP_MS - WINDOW_MS / 2 (frameCentreMs).
  return Math.max(0, Math.ceil((ms + WINDOW_MS / 2) / HOP_MS - 1 - 1e-9));
}

/** The page's side: frames in stream order, from whichever index they start at, with gaps refused rather than guessed. */
export class VoiceFrameStore {
  private db: number[] = [];
  private pitchHz: number[] = [];
  /** Stream index of db[0]. */
  private base = 0;
  private started = false;

  constructor(private readonly maxKept = MAX_KEPT_FRAMES) {}

  /** Stream index one past the newest frame (0 before any). */
  get end(): number {
    return this.base + this.db.length;
  }

  /** Stream index of the oldest frame still kept. */
  get start(): number {
    return this.base;
  }

  /** Adds a batch; returns false (and keeps nothing of it) if it does not follow on from the frames already kept. */
  add(message: VoiceFramesMessage): boolean {
    if (!this.started) {
      this.started = true;
      this.base = message.firstIndex;
    }
    if (message.firstIndex !== this.end) return false;
    this.db.push(...message.db);
    this.pitchHz.push(...message.pitchHz);
    const excess = this.db.length - this.maxKept;
    if (excess > 0) {
      this.db.splice(0, excess);
      this.pitchHz.splice(0, excess);
      this.base += excess;
    }
    return true;
  }

  /** Frames with stream index in [from, to), clipped to what is kept; firstIndex is the stream index of frames[0]. */
  slice(from: number, to = this.end): { frames: SpeechFrame[]; firstIndex: number } {
    const a = Math.max(from, this.base);
    const b = Math.min(to, this.end);
    const frames: SpeechFrame[] = [];
    for (let i = a; i < b; i++) frames.push({ db: this.db[i - this.base]!, pitchHz: this.pitchHz[i - this.base]! });
    return { frames, firstIndex: a };
  }

  /** Frames whose centres lie in [fromMs, toMs) of the stream. */
  sliceMs(fromMs: number, toMs = Number.POSITIVE_INFINITY): { frames: SpeechFrame[]; firstIndex: number } {
    return this.slice(frameIndexAt(fromMs), toMs === Number.POSITIVE_INFINITY ? this.end : frameIndexAt(toMs));
  }
}
