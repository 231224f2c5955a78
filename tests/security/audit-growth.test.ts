// Finding 5 (HTTP side): refused cross-site requests are counted per minute per reason instead of one audit row each,
// with capped strings, so unauthenticated traffic cannot grow the store.
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpRequest } from "../../scripts/bench/support/http-client";
import { startAppServer, stopVite, type AppServer } from "./support/app-server";

describe("refused cross-site requests in the audit log", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer({ refusalFlushMs: 300 });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await stopVite();
  });

  it("400 refusals with 7 KB paths add a few small rows, whose counts add up to 400", async () => {
    const before = statSync(server.config.dataFile).size;
    const longPath = `/logout/${"x".repeat(7000)}`;
    for (let batch = 0; batch < 8; batch++) {
      const replies = await Promise.all(
        Array.from({ length: 50 }, () =>
          httpRequest(`${server.url}${longPath}`, {
            method: "POST",
            headers: { Origin: "http://evil.example" },
            body: "",
          }),
        ),
      );
      expect(replies.every((r) => r.status === 403)).toBe(true);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rows = await server.store.listAudit({ orgId: null, type: "csrf.refused" });
    expect(rows.length).toBeGreaterThan(0);
    // One row when a reason first appears, then one per flush (every 300 ms here, a minute in production).
    expect(rows.length).toBeLessThanOrEqual(12);
    expect(rows.reduce((sum, row) => sum + Number(row.detail.count), 0)).toBe(400);
    expect(rows.every((row) => JSON.stringify(row.detail).length < 1200)).toBe(true);
    expect(statSync(server.config.dataFile).size - before).toBeLessThan(10_000);
  }, 60_000);
});
