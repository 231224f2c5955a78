// Turns microphone samples into one small frame of numbers every 10 ms (loudness in dB and pitch), in a stream.
// The same code runs in the browser's AudioWorklet and, for tests and benchmarks, in Node on WAV files.

/** One frame every this many milliseconds. */
export const HOP_MS = 10;
/** Loudness and pitch are measured over this much sound (long enough for two periods of a 70 Hz voice). */
export const WINDOW_MS = 50;
/** Pitch is searched between these frequencies (adult speaking voices). */
export const PITCH_MIN_HZ = 70;
export const PITCH_MAX_HZ = 400;
/** A frame is voiced when its best normalised autocorrelation reaches this (Praat's default is 0.45; stricter here). */
export const VOICING_MIN_CORRELATION = 0.6;
/** The floor for silence, so digital zeros give a finite number. */
export const SILENT_DB = -100;
/** Analysis runs at about this rate; the input is averaged down to it by a whole factor. */
const TARGET_RATE = 16_000;

export interface SpeechFrame {
  /** Root-mean-square level of the window, dB relative to full scale (SILENT_DB at most quiet). */
  db: number;
  /** Fundamental frequency in Hz when voiced, else 0. */
  pitchHz: number;
}

/** Frame i describes the window that ends at (i + 1) * HOP_MS; its centre is this many ms into the stream. */
export function frameCentreMs(index: number): number {
  return (index + 1) * HOP_MS - WINDOW_MS / 2;
}

export class FrameAnalyser {
  readonly rate: number;
  private readonly factor: number;
  private readonly hop: number;
  private readonly window: number;
  private readonly minLag: number;
  private readonly maxLag: number;
  private readonly ring: Float32Array;
  private readonly taper: Float32Array;
  private readonly scratch: Float32Array;
  private filled = 0;
  private sinceHop = 0;
  private sum = 0;
  private summed = 0;
  // One-pole DC blocker state (microphones often carry an offset that would swamp the loudness of quiet speech).
  private lastIn = 0;
  private lastOut = 0;

  constructor(sampleRate: number) {
    this.factor = Math.max(1, Math.round(sampleRate / TARGET_RATE));
    this.rate = sampleRate / this.factor;
    this.hop = Math.round((this.rate * HOP_MS) / 1000);
    this.window = Math.round((this.rate * WINDOW_MS) / 1000);
    this.minLag = Math.floor(this.rate / PITCH_MAX_HZ);
    this.maxLag = Math.ceil(this.rate / PITCH_MIN_HZ);
    this.ring = new Float32Array(this.window);
    this.scratch = new Float32Array(this.window);
    // Hann taper for the loudness, so a frame's level does not jump when a burst enters or leaves the window.
    this.taper = Float32Array.from(
      { length: this.window },
      (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / this.window),
    );
  }

  /** Feeds samples (-1..1) at the constructor's rate; returns the frames completed by them, in order. */
  push(samples: ArrayLike<number>): SpeechFrame[] {
    const frames: SpeechFrame[] = [];
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i] ?? 0;
      const y = x - this.lastIn + 0.995 * this.lastOut;
      this.lastIn = x;
      this.lastOut = y;
      this.sum += y;
      if (++this.summed < this.factor) continue;
      this.ring[this.filled % this.window] = this.sum / this.factor;
      this.filled++;
      this.sum = 0;
      this.summed = 0;
      if (++this.sinceHop >= this.hop) {
        this.sinceHop = 0;
        frames.push(this.frame());
      }
    }
    return frames;
  }

  private frame(): SpeechFrame {
    const n = this.window;
    const x = this.scratch;
    const start = this.filled % n;
    for (let i = 0; i < n; i++) x[i] = this.filled - n + i < 0 ? 0 : this.ring[(start + i) % n]!;
    let energy = 0;
    let weight = 0;
    for (let i = 0; i < n; i++) {
      const w = this.taper[i]!;
      energy += w * x[i]! * x[i]!;
      weight += w;
    }
    const meanSquare = energy / weight;
    const db = meanSquare > 0 ? Math.max(SILENT_DB, 10 * Math.log10(meanSquare)) : SILENT_DB;
    return { db, pitchHz: db > SILENT_DB + 10 ? this.pitchOf(x) : 0 };
  }

  /** Normalised cross-correlation pitch: the shortest strong period, refined between samples. */
  private pitchOf(x: Float32Array): number {
    const m = this.window - this.maxLag;
    let e0 = 0;
    for (let i = 0; i < m; i++) e0 += x[i]! * x[i]!;
    if (e0 <= 0) return 0;
    const r = new Float32Array(this.maxLag + 2);
    let best = 0;
    let el = 0;
    for (let i = this.minLag - 1; i < this.minLag - 1 + m; i++) el += x[i]! * x[i]!;
    for (let lag = this.minLag - 1; lag <= this.maxLag + 1 && lag + m <= this.window; lag++) {
      if (lag > this.minLag - 1) el += x[lag + m - 1]! * x[lag + m - 1]! - x[lag - 1]! * x[lag - 1]!;
      let c = 0;
      for (let i = 0; i < m; i++) c += x[i]! * x[i + lag]!;
      r[lag] = el > 0 ? c / Math.sqrt(e0 * el) : 0;
      if (lag >= this.minLag && lag <= this.maxLag && r[lag]! > best) best = r[lag]!;
    }
    if (best < VOICING_MIN_CORRELATION) return 0;
    // The first local peak close to the best one: avoids reporting half the pitch (a period of two cycles).
    for (let lag = this.minLag; lag <= this.maxLag; lag++) {
      const v = r[lag]!;
      if (v >= 0.9 * best && v >= r[lag - 1]! && v >= r[lag + 1]!) {
        const a = r[lag - 1]!;
        const c = r[lag + 1]!;
        const denominator = a - 2 * v + c;
        const shift = denominator < 0 ? (0.5 * (a - c)) / denominator : 0;
        return this.rate / (lag + Math.max(-0.5, Math.min(0.5, shift)));
      }
    }
    return 0;
  }
}

/** Every frame of a whole recording (tests, benchmarks). */
export function analyseRecording(samples: ArrayLike<number>, sampleRate: number): SpeechFrame[] {
  return new FrameAnalyser(sampleRate).push(samples);
}
