// A sliding window of timestamped states that says how long each state held within the last N ms.
import { MAX_FRAME_HOLD_MS } from "./thresholds";

interface Sample<S> {
  t: number;
  state: S | null;
}

/**
 * Each sample holds its state until the next sample, but for at most `holdMs`: frames that stop arriving
 * are not evidence of anything. A null state marks time that says nothing (it counts for no state).
 */
export class TimedWindow<S> {
  private samples: Sample<S>[] = [];

  constructor(
    private readonly keepMs: number,
    private readonly holdMs = MAX_FRAME_HOLD_MS,
  ) {}

  /** Adds a sample; returns false (and ignores it) if it is not later than the previous one. */
  push(t: number, state: S | null): boolean {
    const last = this.samples[this.samples.length - 1];
    if (last && t <= last.t) return false;
    this.samples.push({ t, state });
    // A sample older than window + hold can no longer cover any of the window.
    const cutoff = t - this.keepMs - this.holdMs;
    let drop = 0;
    while (drop < this.samples.length - 1 && this.samples[drop]!.t < cutoff) drop++;
    if (drop > 0) this.samples.splice(0, drop);
    return true;
  }

  /** Milliseconds each state held within [now - windowMs, now]. */
  durations(now: number, windowMs: number): Map<S, number> {
    const out = new Map<S, number>();
    const from = now - windowMs;
    for (let i = 0; i < this.samples.length; i++) {
      const s = this.samples[i]!;
      if (s.state === null) continue;
      const next = this.samples[i + 1]?.t ?? now;
      const start = Math.max(s.t, from);
      const end = Math.min(next, s.t + this.holdMs, now);
      if (end > start) out.set(s.state, (out.get(s.state) ?? 0) + end - start);
    }
    return out;
  }

  clear(): void {
    this.samples = [];
  }
}

/** The state with the longest time, and that time. */
export function longest<S>(durations: Map<S, number>): { state: S; ms: number } | undefined {
  let best: { state: S; ms: number } | undefined;
  for (const [state, ms] of durations) if (!best || ms > best.ms) best = { state, ms };
  return best;
}
