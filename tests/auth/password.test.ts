import { describe, expect, it } from "vitest";
import { hashPassword, OWASP_SCRYPT, passwordProblem, verifyPassword } from "~/utils/password.server";

const FAST = { log2N: 10, r: 8, p: 1 };

describe("password hashing", () => {
  it("uses OWASP scrypt parameters by default and verifies the right password only", async () => {
    const hash = await hashPassword("correct horse battery", OWASP_SCRYPT);
    expect(hash.startsWith("scrypt$17$8$1$")).toBe(true);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const [a, b] = await Promise.all([hashPassword("same password", FAST), hashPassword("same password", FAST)]);
    expect(a).not.toBe(b);
  });

  it("rejects malformed or missing hashes instead of throwing", async () => {
    expect(await verifyPassword("x", null)).toBe(false);
    expect(await verifyPassword("x", "plain")).toBe(false);
    expect(await verifyPassword("x", "scrypt$99$8$1$AAAA$BBBB")).toBe(false);
  });

  it("enforces 8 to 128 characters", () => {
    expect(passwordProblem("1234567")).toMatch(/at least 8/);
    expect(passwordProblem("12345678")).toBeNull();
    expect(passwordProblem("x".repeat(128))).toBeNull();
    expect(passwordProblem("x".repeat(129))).toMatch(/at most 128/);
  });
});
