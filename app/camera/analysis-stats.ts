// How well the analysis keeps up: analysed frames per second, per-frame analysis time (median, p95), first-status time.

/** The rate is counted over this recent window. */
export const FPS_WINDOW_MS = 2000;
/** Timings kept for the median and p95 (about five minutes at 30 fps is plenty). */
export const MAX_TIMINGS = 10_000;

export interface AnalysisFigures {
  /** Analysed frames per second over the last FPS_WINDOW_MS. */
  fps: number;
  frames: number;
  /** Worker time per frame, ms. */
  frameMedianMs: number | null;
  frameP95Ms: number | null;
  /** From asking for the camera to the first analysed frame, and to the first confirmed status, ms. */
  firstFrameMs: number | null;
  firstStatusMs: number | null;
  /** How long MediaPipe took to load in the worker, ms. */
  loadMs: number | null;
  /** Requests to other origins the worker refused (MediaPipe's usage log), never sent. */
  refused: number;
}

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export class AnalysisStats {
  private times: number[] = [];
  private timings: number[] = [];
  private frames = 0;
  private firstFrameMs: number | null = null;
  private firstStatusMs: number | null = null;
  loadMs: number | null = null;
  refused = 0;

  constructor(private readonly startedAt: number) {}

  frame(at: number, totalMs: number) {
    this.frames++;
    this.firstFrameMs ??= at - this.startedAt;
    this.times.push(at);
    while (this.times.length > 0 && this.times[0]! < at - FPS_WINDOW_MS) this.times.shift();
    if (this.timings.length < MAX_TIMINGS) this.timings.push(totalMs);
  }

  status(at: number) {
    this.firstStatusMs ??= at - this.startedAt;
  }

  figures(now: number): AnalysisFigures {
    const recent = this.times.filter((t) => t >= now - FPS_WINDOW_MS);
    const first = recent[0];
    const newest = recent.at(-1);
    // Intervals between the recent frames; a stalled camera (nothing for a second) reads as 0.
    const fps =
      first !== undefined && newest !== undefined && newest > first && now - newest <= 1000
        ? ((recent.length - 1) * 1000) / (newest - first)
        : 0;
    return {
      fps,
      frames: this.frames,
      frameMedianMs: percentile(this.timings, 50),
      frameP95Ms: percentile(this.timings, 95),
      firstFrameMs: this.firstFrameMs,
      firstStatusMs: this.firstStatusMs,
      loadMs: this.loadMs,
      refused: this.refused,
    };
  }
}
