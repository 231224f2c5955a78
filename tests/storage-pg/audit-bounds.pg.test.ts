// Finding 5 (PostgreSQL): the audit log keeps its newest events; older ones are deleted every few appends, whichever
// instance appended them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStore } from "~/storage/postgres.server";
import type { Store } from "~/storage/types";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName } from "./fresh-schema";

describe.skipIf(!DATABASE_URL)("the PostgreSQL audit log", () => {
  const schema = freshSchemaName();
  let store: Store;
  beforeAll(async () => {
    store = await createPostgresStore({ connectionString: DATABASE_URL!, schema, auditKeep: 10, auditPruneEvery: 5 });
  });
  afterAll(async () => {
    await store?.close();
    await dropSchema(DATABASE_URL!, schema);
  });

  it("keeps the newest events", async () => {
    for (let i = 0; i < 42; i++) {
      await store.appendAudit({ type: "login.failure", orgId: null, actorId: null, detail: { n: i } });
    }
    const kept = await store.listAudit({ orgId: null });
    // Pruned at the 40th append to the newest 10; the two since are on top.
    expect(kept.map((e) => e.detail.n)).toEqual(Array.from({ length: 12 }, (_, i) => 41 - i));
  });
});

if (!DATABASE_URL) console.warn(SKIP_MESSAGE);
