// Finding 2 (cost side): password hashing runs at most HASHING_CONCURRENCY at a time behind a short queue; a burst
// beyond it is refused at once with HashingBusyError (answered 503 + Retry-After) instead of piling up.
import { describe, expect, it } from "vitest";
import {
  HASHING_CONCURRENCY,
  HASHING_QUEUE,
  HashingBusyError,
  hashingLoad,
  hashPassword,
  verifyPassword,
} from "~/utils/password.server";

const PARAMS = { log2N: 14, r: 8, p: 1 };

describe("the password hashing queue", () => {
  it("runs at most two hashes at once and refuses what does not fit in the queue", async () => {
    const stored = await hashPassword("a password long enough", PARAMS);
    let busiest = 0;
    const watch = setInterval(() => (busiest = Math.max(busiest, hashingLoad().running)), 1);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, () => verifyPassword("a password long enough", stored)),
    );
    clearInterval(watch);
    const refused = outcomes.filter((o) => o.status === "rejected");
    const checked = outcomes.filter((o): o is PromiseFulfilledResult<boolean> => o.status === "fulfilled");
    expect(busiest).toBeGreaterThan(0);
    expect(busiest).toBeLessThanOrEqual(HASHING_CONCURRENCY);
    expect(checked.length).toBeGreaterThanOrEqual(HASHING_QUEUE);
    expect(checked.length).toBeLessThanOrEqual(HASHING_QUEUE + HASHING_CONCURRENCY);
    expect(checked.every((o) => o.value === true)).toBe(true);
    expect(refused.every((o) => o.status === "rejected" && o.reason instanceof HashingBusyError)).toBe(true);
    expect((refused[0] as PromiseRejectedResult).reason.retryAfterSeconds).toBeGreaterThan(0);
    // Once the burst has drained, hashing works again.
    expect(await verifyPassword("a password long enough", stored)).toBe(true);
    expect(hashingLoad()).toEqual({ running: 0, waiting: 0 });
  });
});
