// Login throttling: after 10 failed attempts in a minute for one account or one address, further attempts get a 429.
// Only failures count, so a busy ward sharing one address is not locked out by its own successful logins.

export const LOGIN_FAILURES_PER_WINDOW = 10;
export const LOGIN_WINDOW_MS = 60_000;

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit = LOGIN_FAILURES_PER_WINDOW,
    private readonly windowMs = LOGIN_WINDOW_MS,
  ) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (times.length) this.failures.set(key, times);
    else this.failures.delete(key);
    return times;
  }

  /** May an attempt for these keys (e.g. account and address) go ahead now? */
  check(keys: string[], now: number): RateDecision {
    let retryAfter = 0;
    for (const key of keys) {
      const times = this.recent(key, now);
      if (times.length >= this.limit) {
        const oldestThatCounts = times[times.length - this.limit] ?? now;
        retryAfter = Math.max(retryAfter, Math.ceil((oldestThatCounts + this.windowMs - now) / 1000));
      }
    }
    return { allowed: retryAfter === 0, retryAfterSeconds: Math.max(1, retryAfter) };
  }

  recordFailure(keys: string[], now: number): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now]);
    if (this.failures.size > 50_000) for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
