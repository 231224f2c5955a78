// How many password guesses Webside allows (ADR 0050): each attempt is counted, in the store, before its password is
// hashed, against two budgets: this account from this address (small, so guessing one account is slow) and this
// address over all accounts (larger, so a ward behind one address is not locked out by a few typos, yet one
// address cannot spray guesses across everyone). No budget is per account alone, so a stranger elsewhere cannot
// lock someone out. A right password takes its attempt back.
import type { AppLoadContext } from "@remix-run/node";
import type { LoginBudget } from "~/storage/types";
import { audit } from "~/services/audit.server";

export const PAIR_FAILURES = 10;
export const ADDRESS_FAILURES = 100;
export const THROTTLE_WINDOW_MS = 15 * 60_000;

/** What is being guessed at: a login for an email, or the current-password check on the account page. */
export type GuessTarget = { kind: "login"; email: string } | { kind: "current-password"; userId: string };

export function loginBudgets(target: GuessTarget, clientIp: string): LoginBudget[] {
  const who = target.kind === "login" ? `email:${target.email}` : `user:${target.userId}`;
  return [
    { key: `pair:${who}|ip:${clientIp}`, limit: PAIR_FAILURES, windowMs: THROTTLE_WINDOW_MS },
    { key: `ip:${clientIp}`, limit: ADDRESS_FAILURES, windowMs: THROTTLE_WINDOW_MS },
  ];
}

export type GuessPermit =
  | { ok: true; /** Call when the password was right, so the attempt stops counting. */ succeeded(): Promise<void> }
  | { ok: false; retryAfterSeconds: number; message: string };

/** Counts this attempt before any hashing; refuses (and audit-logs) when a budget is spent. */
export async function permitGuess(context: AppLoadContext, target: GuessTarget): Promise<GuessPermit> {
  const reservation = await context.store.reserveLoginAttempt(
    loginBudgets(target, context.clientIp),
    context.now().toISOString(),
  );
  if (reservation.allowed) {
    return { ok: true, succeeded: () => context.store.releaseLoginAttempt(reservation.id) };
  }
  await audit(context, {
    type: target.kind === "login" ? "login.throttled" : "password.check.throttled",
    orgId: null,
    actorId: target.kind === "login" ? null : target.userId,
    detail: {
      ...(target.kind === "login" ? { email: target.email.slice(0, 254) } : {}),
      budget: reservation.key.startsWith("ip:") ? "address" : "account and address",
      ip: context.clientIp,
    },
  });
  const wait = reservation.retryAfterSeconds;
  const minutes = Math.ceil(wait / 60);
  return {
    ok: false,
    retryAfterSeconds: wait,
    message: `${target.kind === "login" ? "Too many login attempts" : "Too many wrong passwords"}. For your security, wait ${
      wait < 120 ? `${wait} seconds` : `${minutes} minutes`
    } before trying again.`,
  };
}
