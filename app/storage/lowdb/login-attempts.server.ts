// Login attempt counters for the lowdb store, kept in memory: one process owns a lowdb directory, so its memory is
// the whole truth, and a restart forgets at most one window of failures (writing every attempt to disk would let a
// burst of wrong passwords cost a file write each).
import type { Id, LoginAttemptRecords, LoginBudget, LoginReservation } from "../types";
import type { LowdbDatabase } from "./database.server";

interface Counted {
  id: Id;
  at: number;
}

/** Past this many keys, expired ones are swept, so a spray of made-up emails cannot grow memory without end. */
const SWEEP_AT_KEYS = 20_000;

export function loginAttemptRecords(db: LowdbDatabase): LoginAttemptRecords {
  const counted = new Map<string, Counted[]>();
  const windows = new Map<string, number>();

  function recent(key: string, windowMs: number, now: number): Counted[] {
    const kept = (counted.get(key) ?? []).filter((c) => now - c.at < windowMs);
    if (kept.length) counted.set(key, kept);
    else {
      counted.delete(key);
      windows.delete(key);
    }
    return kept;
  }

  function sweep(now: number) {
    for (const [key, windowMs] of [...windows]) recent(key, windowMs, now);
  }

  return {
    async reserveLoginAttempt(budgets: LoginBudget[], at): Promise<LoginReservation> {
      const now = Date.parse(at);
      // Checked and counted in one synchronous step: nothing else runs in between, so the limit is exact.
      for (const budget of budgets) {
        const times = recent(budget.key, budget.windowMs, now);
        if (times.length >= budget.limit) {
          const freesAt = times[times.length - budget.limit]!.at + budget.windowMs;
          return { allowed: false, key: budget.key, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) };
        }
      }
      const id = db.newId();
      for (const budget of budgets) {
        counted.set(budget.key, [...(counted.get(budget.key) ?? []), { id, at: now }]);
        windows.set(budget.key, Math.max(windows.get(budget.key) ?? 0, budget.windowMs));
      }
      if (counted.size > SWEEP_AT_KEYS) sweep(now);
      return { allowed: true, id };
    },

    async releaseLoginAttempt(id) {
      for (const [key, times] of counted) {
        const kept = times.filter((c) => c.id !== id);
        if (kept.length !== times.length) {
          if (kept.length) counted.set(key, kept);
          else {
            counted.delete(key);
            windows.delete(key);
          }
        }
      }
    },
  };
}
