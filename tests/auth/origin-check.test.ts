import { describe, expect, it } from "vitest";
import { checkMutationOrigin } from "~/http/origin-check.server";
import { contentSecurityPolicy } from "~/http/security-headers.server";

const base = { host: "webside.example:3000", protocol: "http" };

describe("CSRF origin check", () => {
  it("lets safe methods through without an Origin", () => {
    expect(checkMutationOrigin({ ...base, method: "GET", origin: undefined }).ok).toBe(true);
  });
  it("accepts a POST from our own origin", () => {
    expect(checkMutationOrigin({ ...base, method: "POST", origin: "http://webside.example:3000" }).ok).toBe(true);
  });
  it("refuses a POST without an Origin header, or with a null origin", () => {
    expect(checkMutationOrigin({ ...base, method: "POST", origin: undefined }).ok).toBe(false);
    expect(checkMutationOrigin({ ...base, method: "POST", origin: "null" }).ok).toBe(false);
  });
  it("refuses other sites, other ports and a downgraded scheme", () => {
    for (const origin of [
      "http://evil.example",
      "http://webside.example:4000",
      "https://webside.example:3000",
      "not a url",
    ]) {
      expect(checkMutationOrigin({ ...base, method: "POST", origin }).ok, origin).toBe(false);
    }
  });
});

describe("content security policy", () => {
  it("carries the nonce, allows wasm, keeps connections on our origin and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", { dev: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval'".replace("wasm-", "") + " ");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });
});
