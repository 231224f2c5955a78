// Storage contract, login attempt counters: a budget admits exactly `limit` attempts per window, even when they
// arrive at once; a refusal counts nothing and says when the budget frees up; a released attempt stops counting.
import { describe, expect, it } from "vitest";
import type { LoginBudget, Store } from "~/storage/types";
import { iso } from "./contract-helpers";

const WINDOW = 15 * 60_000;
const pair = (email: string, ip: string, limit = 3): LoginBudget => ({
  key: `pair:${email}|${ip}`,
  limit,
  windowMs: WINDOW,
});
const address = (ip: string, limit = 5): LoginBudget => ({ key: `ip:${ip}`, limit, windowMs: WINDOW });

export function loginAttemptsContract(store: () => Store): void {
  describe("login attempt counters", () => {
    it("admits `limit` attempts in a window, then refuses with the seconds until the oldest expires", async () => {
      for (let minute = 0; minute < 3; minute++) {
        expect((await store().reserveLoginAttempt([pair("a@x", "1")], iso(minute))).allowed).toBe(true);
      }
      const refused = await store().reserveLoginAttempt([pair("a@x", "1")], iso(5));
      expect(refused).toEqual({ allowed: false, key: "pair:a@x|1", retryAfterSeconds: 10 * 60 });
      // The refusal counted nothing: once the first attempt is out of the window there is room for exactly one.
      expect((await store().reserveLoginAttempt([pair("a@x", "1")], iso(15))).allowed).toBe(true);
      expect((await store().reserveLoginAttempt([pair("a@x", "1")], iso(15))).allowed).toBe(false);
    });

    it("counts an attempt against every budget or none", async () => {
      for (let i = 0; i < 3; i++) await store().reserveLoginAttempt([pair("a@x", "1"), address("1")], iso(0));
      // The pair is full, so this attempt is refused and does not use the address budget (5).
      expect((await store().reserveLoginAttempt([pair("a@x", "1"), address("1")], iso(1))).allowed).toBe(false);
      expect((await store().reserveLoginAttempt([pair("b@x", "1"), address("1")], iso(1))).allowed).toBe(true);
      expect((await store().reserveLoginAttempt([pair("c@x", "1"), address("1")], iso(1))).allowed).toBe(true);
      const full = await store().reserveLoginAttempt([pair("d@x", "1"), address("1")], iso(1));
      expect(full).toMatchObject({ allowed: false, key: "ip:1" });
      // Other addresses are not affected.
      expect((await store().reserveLoginAttempt([pair("a@x", "2"), address("2")], iso(1))).allowed).toBe(true);
    });

    it("a released attempt no longer counts", async () => {
      const first = await store().reserveLoginAttempt([pair("a@x", "1", 1)], iso(0));
      expect(first.allowed).toBe(true);
      expect((await store().reserveLoginAttempt([pair("a@x", "1", 1)], iso(0))).allowed).toBe(false);
      if (first.allowed) await store().releaseLoginAttempt(first.id);
      expect((await store().reserveLoginAttempt([pair("a@x", "1", 1)], iso(0))).allowed).toBe(true);
      await expect(store().releaseLoginAttempt("no-such-attempt")).resolves.toBeUndefined();
    });

    it("admits exactly `limit` of many attempts sent at once", async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => store().reserveLoginAttempt([pair("a@x", "1", 7), address("1", 100)], iso(0))),
      );
      expect(answers.filter((a) => a.allowed)).toHaveLength(7);
    });
  });
}
