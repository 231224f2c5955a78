import { describe, expect, it } from "vitest";
import { LoginRateLimiter } from "~/utils/rate-limit.server";

const keys = (email: string, ip: string) => [`email:${email}`, `ip:${ip}`];

describe("login rate limit", () => {
  it("refuses the 11th attempt after 10 failures in a minute, with a retry time", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 10; i++) {
      expect(limiter.check(keys("a@x.org", "1.2.3.4"), i).allowed).toBe(true);
      limiter.recordFailure(keys("a@x.org", "1.2.3.4"), i);
    }
    const eleventh = limiter.check(keys("a@x.org", "1.2.3.4"), 10);
    expect(eleventh.allowed).toBe(false);
    expect(eleventh.retryAfterSeconds).toBeGreaterThan(50);
    expect(eleventh.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("limits per account across addresses and per address across accounts", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 10; i++) limiter.recordFailure(keys("victim@x.org", `10.0.0.${i}`), i);
    expect(limiter.check(keys("victim@x.org", "10.0.0.99"), 20).allowed).toBe(false);
    for (let i = 0; i < 10; i++) limiter.recordFailure(keys(`user${i}@x.org`, "9.9.9.9"), i);
    expect(limiter.check(keys("fresh@x.org", "9.9.9.9"), 20).allowed).toBe(false);
    expect(limiter.check(keys("fresh@x.org", "8.8.8.8"), 20).allowed).toBe(true);
  });

  it("does not count successful logins and forgets failures older than the window", () => {
    const limiter = new LoginRateLimiter();
    for (let i = 0; i < 50; i++) expect(limiter.check(keys("busy@x.org", "1"), i).allowed).toBe(true);
    for (let i = 0; i < 10; i++) limiter.recordFailure(keys("b@x.org", "2"), i);
    expect(limiter.check(keys("b@x.org", "2"), 59_000).allowed).toBe(false);
    expect(limiter.check(keys("b@x.org", "2"), 61_000).allowed).toBe(true);
  });
});
