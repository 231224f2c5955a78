// Login attempt counters in PostgreSQL, so the limit holds across instances: each budget's key is locked for the
// transaction (an advisory lock), counted and, when every budget has room, the attempt is recorded, all at once.
import type { LoginAttemptRecords, LoginBudget, LoginReservation } from "../types";
import type { Db } from "./context.server";

/** The advisory-lock class for login budgets; the key's hash is the second number. */
const LOCK_CLASS = 12_012;
/** Every so many reservations, rows older than the longest window are deleted for every key. */
const PRUNE_EVERY = 200;

export function loginAttemptRecords(db: Db): LoginAttemptRecords {
  let sincePrune = 0;
  return {
    async reserveLoginAttempt(budgets: LoginBudget[], at): Promise<LoginReservation> {
      const now = Date.parse(at);
      // Sorted, so two attempts sharing keys always lock them in the same order and cannot deadlock.
      const sorted = [...budgets].sort((a, b) => a.key.localeCompare(b.key));
      const answer = await db.transaction(async (tx) => {
        for (const budget of sorted) {
          await tx.rows("SELECT pg_advisory_xact_lock($1, hashtext($2))", [LOCK_CLASS, budget.key]);
        }
        for (const budget of sorted) {
          const since = new Date(now - budget.windowMs).toISOString();
          await tx.rows("DELETE FROM login_attempts WHERE key = $1 AND at <= $2", [budget.key, since]);
          const rows = await tx.rows(
            "SELECT at FROM login_attempts WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3",
            [budget.key, since, budget.limit],
          );
          if (rows.length >= budget.limit) {
            const freesAt = new Date(rows[budget.limit - 1]!.at as Date).getTime() + budget.windowMs;
            return {
              allowed: false as const,
              key: budget.key,
              retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)),
            };
          }
        }
        const id = db.newId();
        for (const budget of sorted) {
          await tx.rows("INSERT INTO login_attempts (id, key, at) VALUES ($1, $2, $3)", [id, budget.key, at]);
        }
        return { allowed: true as const, id };
      });
      if (++sincePrune >= PRUNE_EVERY && budgets.length) {
        sincePrune = 0;
        const longest = Math.max(...budgets.map((b) => b.windowMs));
        await db.rows("DELETE FROM login_attempts WHERE at <= $1", [new Date(now - longest).toISOString()]);
      }
      return answer;
    },

    async releaseLoginAttempt(id) {
      await db.rows("DELETE FROM login_attempts WHERE id = $1", [id]);
    },
  };
}
