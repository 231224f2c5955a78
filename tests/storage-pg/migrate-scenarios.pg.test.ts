// `webside migrate` carries authored scenarios and published versions (bundled ones with no organisation) into PostgreSQL.
import { writeLowdbFixture } from "./lowdb-fixture";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { emptyData } from "~/storage/lowdb/data.server";
import { copyIntoPostgres, readLowdbFile } from "~/storage/postgres/copy-from-lowdb.server";
import { createPostgresStore } from "~/storage/postgres.server";
import { DATABASE_URL, SKIP_MESSAGE, migrationScratch } from "./fresh-schema";

if (!DATABASE_URL) console.warn(SKIP_MESSAGE);
const T0 = "2025-03-01T09:00:00.000Z";

describe.skipIf(!DATABASE_URL)("webside migrate: scenarios", () => {
  const { url, schema, folder } = migrationScratch("webside-migrate-scenarios-");

  it("copies scenario records and versions once, keeping bundled versions organisation-free", async () => {
    const dir = await folder();
    const data = emptyData();
    data.organisations.push({ id: "org-1", name: "North Trust", createdAt: T0 });
    data.scenarios.push({
      id: "first-call",
      orgId: "org-1",
      status: "published",
      draft: { title: "Draft" },
      revision: 4,
      latestVersion: 2,
      source: { kind: "twee", detail: "story.twee" },
      createdBy: "user-1",
      updatedBy: "user-2",
      createdAt: T0,
      updatedAt: T0,
    });
    data.scenarioVersions.push(
      {
        scenarioId: "first-call",
        orgId: "org-1",
        version: 2,
        content: { v: 2 },
        publishedAt: T0,
        publishedBy: "user-1",
      },
      { scenarioId: "red-flags", orgId: null, version: 1, content: { v: 1 }, publishedAt: T0, publishedBy: null },
    );
    const file = path.join(dir, "webside.json");
    await writeLowdbFixture(file, data);

    const store = await createPostgresStore({ connectionString: url, schema, poolSize: 2 });
    await store.close();
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
    try {
      const first = await copyIntoPostgres(pool, await readLowdbFile(file), url);
      expect(first.find((c) => c.table === "scenario_versions")).toMatchObject({ inFile: 2, copied: 2 });
      const second = await copyIntoPostgres(pool, await readLowdbFile(file), url);
      expect(second.find((c) => c.table === "scenario_versions")).toMatchObject({ alreadyPresent: 2, copied: 0 });
      expect(second.find((c) => c.table === "scenarios")).toMatchObject({ alreadyPresent: 1, copied: 0 });
    } finally {
      await pool.end();
    }
    const reopened = await createPostgresStore({ connectionString: url, schema, poolSize: 2 });
    try {
      expect(await reopened.getScenarioRecord("org-1", "first-call")).toEqual(data.scenarios[0]);
      expect(await reopened.getScenarioVersion(null, "red-flags", 1)).toEqual(data.scenarioVersions[1]);
      expect(await reopened.listScenarioVersions("org-1", "first-call")).toEqual([data.scenarioVersions[0]]);
    } finally {
      await reopened.close();
    }
  });
});
