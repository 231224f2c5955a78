// Optimistic concurrency on attempts: of several updates at the same revision, exactly one wins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError } from "~/storage/errors";
import { createPostgresStore } from "~/storage/postgres.server";
import type { Store } from "~/storage/types";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName } from "./fresh-schema";

if (!DATABASE_URL) console.warn(SKIP_MESSAGE);

describe.skipIf(!DATABASE_URL)("PostgreSQL attempt updates under contention", () => {
  const url = DATABASE_URL!;
  const schema = freshSchemaName();
  // Two stores = two app instances with their own pools on one database.
  let first: Store;
  let second: Store;

  beforeAll(async () => {
    first = await createPostgresStore({ connectionString: url, schema, poolSize: 5 });
    second = await createPostgresStore({ connectionString: url, schema, poolSize: 5 });
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await dropSchema(url, schema);
  });

  const start = () =>
    first.createAttempt({
      orgId: "org",
      userId: "user",
      scenarioId: "s",
      scenarioVersion: 1,
      mode: "assessment",
      snapshot: { value: "a" },
      path: ["a"],
      confidenceBefore: null,
      confidenceAfter: null,
      reflection: null,
      result: null,
      presence: null,
      assignmentId: null,
    });

  it("lets exactly one of two simultaneous choices through; the other gets a ConflictError", async () => {
    const attempt = await start();
    const outcomes = await Promise.allSettled([
      first.updateAttempt(attempt.id, 0, { path: ["a", "left"], snapshot: { value: "left" } }),
      second.updateAttempt(attempt.id, 0, { path: ["a", "right"], snapshot: { value: "right" } }),
    ]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    expect(lost[0]!.reason.message).toMatch(
      /has moved on \(it is at revision 1, this change expected revision 0\).*Reload/,
    );

    const stored = (await first.getAttempt(attempt.id))!;
    expect(stored.revision).toBe(1);
    expect(stored).toEqual((won[0] as PromiseFulfilledResult<typeof stored>).value);
  });

  it("keeps one winner per revision across twenty racing requests", async () => {
    const attempt = await start();
    const stores = [first, second];
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => stores[i % 2]!.updateAttempt(attempt.id, 0, { path: ["a", `n${i}`] })),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError)).toHaveLength(19);
    expect((await second.getAttempt(attempt.id))!.revision).toBe(1);
  });
});
