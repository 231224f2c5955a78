// Password hashing with scrypt at OWASP strength (N=2^17, r=8, p=1), stored with its parameters so they can be raised later.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import pLimit from "p-limit";

import { newPassword } from "./form-schemas";
import { PASSWORD_MAX } from "./password-rules";

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

export const OWASP_SCRYPT: ScryptParams = { log2N: 17, r: 8, p: 1 };
const KEY_LENGTH = 64;

/**
 * At most this many hashes run at once: each takes 128 MiB and one of libuv's four threads, and the store's file
 * writes need those threads too, so an unbounded burst of logins used to stall every clinician's save (ADR 0050).
 */
export const HASHING_CONCURRENCY = 2;
/** At most this many wait behind them; past that a login is answered 503 with Retry-After rather than queued. */
export const HASHING_QUEUE = 16;
export const HASHING_RETRY_AFTER_SECONDS = 2;

export class HashingBusyError extends Error {
  readonly retryAfterSeconds = HASHING_RETRY_AFTER_SECONDS;
  constructor() {
    super(`Webside is busy checking other passwords. Wait ${HASHING_RETRY_AFTER_SECONDS} seconds and try again.`);
  }
}

const hashing = pLimit(HASHING_CONCURRENCY);

/** How many hashes are running and waiting now (for tests and diagnostics). */
export function hashingLoad(): { running: number; waiting: number } {
  return { running: hashing.activeCount, waiting: hashing.pendingCount };
}

/** Runs one hash in the bounded queue, or throws HashingBusyError at once when the queue is full. */
function queued<T>(work: () => Promise<T>): Promise<T> {
  if (hashing.pendingCount >= HASHING_QUEUE) return Promise.reject(new HashingBusyError());
  return hashing(work);
}

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return queued(() => deriveNow(password, salt, params));
}

function deriveNow(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  // Node's default maxmem (32 MiB) is below what N=2^17, r=8 needs (128 * N * r bytes = 128 MiB).
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** What is wrong with a password someone is choosing outside a form (the CLI), by the forms' own rule. */
export function passwordProblem(password: string): string | null {
  const checked = newPassword().safeParse(password);
  return checked.success ? null : `${checked.error.issues[0]!.message}.`;
}

export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ["scrypt", params.log2N, params.r, params.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored || password.length > PASSWORD_MAX) return false;
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, log2N, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const params = { log2N: Number(log2N), r: Number(r), p: Number(p) };
  if (![params.log2N, params.r, params.p].every((n) => Number.isInteger(n) && n > 0) || params.log2N > 22) return false;
  const expected = Buffer.from(keyB64, "base64");
  const actual = await derive(password, Buffer.from(saltB64, "base64"), params);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check, so unknown emails cannot be told apart from wrong passwords by timing. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("webside-timing-equaliser");
  await verifyPassword(password, await dummyHash);
  return false;
}
