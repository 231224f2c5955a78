// Finding 5 (storage side): the lowdb audit log keeps a fixed number of newest events; the oldest move to an
// archive file beside the data file (on disk before they leave it), so the data file and every write stay small.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditFileFor, createLowdbStore } from "~/storage/lowdb.server";
import type { AuditEvent } from "~/storage/types";

describe("the lowdb audit log", () => {
  it("keeps the newest events and archives the oldest", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "webside-audit-"));
    const file = path.join(dir, "webside.json");
    const store = await createLowdbStore({ file, auditKeep: 20 });
    try {
      for (let i = 0; i < 45; i++) {
        await store.appendAudit({ type: "login.failure", orgId: null, actorId: null, detail: { n: i } });
      }
      const kept = (JSON.parse(readFileSync(auditFileFor(file), "utf8")) as { audit: AuditEvent[] }).audit;
      expect(kept.length).toBeLessThanOrEqual(20);
      expect(kept.at(-1)!.detail.n).toBe(44);
      const archives = readdirSync(path.join(dir, "audit-archive"));
      const archived = archives.flatMap(
        (name) => JSON.parse(readFileSync(path.join(dir, "audit-archive", name), "utf8")) as AuditEvent[],
      );
      // Nothing is lost: every event is either kept or archived, exactly once.
      const all = [...archived, ...kept].map((e) => e.detail.n).sort((a, b) => Number(a) - Number(b));
      expect(all).toEqual(Array.from({ length: 45 }, (_, i) => i));
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
