// The storage record group for login attempt counters (the login throttle). Part of the one storage interface in
// types.ts, which re-exports everything here.
import type { Id, Timestamp } from "./ids";

/** One budget a login attempt is counted against, e.g. "this account from this address: 10 in 15 minutes". */
export interface LoginBudget {
  key: string;
  limit: number;
  windowMs: number;
}

export type LoginReservation = { allowed: true; id: Id } | { allowed: false; retryAfterSeconds: number; key: string };

/**
 * Login attempt counters. An attempt is counted before its password is checked, so concurrent attempts cannot all
 * slip past the limit; on PostgreSQL the count is shared by every instance.
 */
export interface LoginAttemptRecords {
  /**
   * Counts one attempt against every budget at once, unless one of them already holds `limit` attempts within its
   * window: then nothing is counted and the answer says when that budget frees up. Atomic.
   */
  reserveLoginAttempt(budgets: LoginBudget[], at: Timestamp): Promise<LoginReservation>;
  /** Takes a counted attempt back (the password was right), so successful logins never use up a budget. */
  releaseLoginAttempt(id: Id): Promise<void>;
}
