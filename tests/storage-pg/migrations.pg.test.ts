// Schema migrations: applied once, under a lock when instances start together, all-or-nothing when one fails.
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { StoreUnavailableError } from "~/storage/errors";
import { createPostgresStore } from "~/storage/postgres.server";
import { applyMigrations, loadMigrations } from "~/storage/postgres/migrations.server";
import { createPool, resolvePoolSize } from "~/storage/postgres/pool.server";
import { DATABASE_URL, SKIP_MESSAGE, dropSchema, freshSchemaName, queryInSchema } from "./fresh-schema";

if (!DATABASE_URL) console.warn(SKIP_MESSAGE);

describe.skipIf(!DATABASE_URL)("PostgreSQL migrations", () => {
  const url = DATABASE_URL!;
  const schemas: string[] = [];
  const schema = () => {
    const name = freshSchemaName();
    schemas.push(name);
    return name;
  };
  afterAll(async () => {
    for (const name of schemas) await dropSchema(url, name);
  });

  it("applies every numbered file once, even when two instances start at the same moment", async () => {
    const name = schema();
    const files = await loadMigrations();
    expect(files.map((f) => f.name)[0]).toBe("001_initial.sql");

    const [a, b] = await Promise.all([
      createPostgresStore({ connectionString: url, schema: name, poolSize: 2 }),
      createPostgresStore({ connectionString: url, schema: name, poolSize: 2 }),
    ]);
    const recorded = await queryInSchema<{ name: string }>(
      url,
      name,
      "SELECT name FROM schema_migrations ORDER BY name",
    );
    expect(recorded.map((r) => r.name)).toEqual(files.map((f) => f.name));
    // Both instances work on the same tables.
    const org = await a.createOrganisation({ name: "Shared" });
    expect(await b.getOrganisation(org.id)).toEqual(org);
    await Promise.all([a.close(), b.close()]);

    const pool = createPool({ connectionString: url, schema: name, poolSize: 1 });
    try {
      expect(await applyMigrations(pool, { schema: name })).toEqual({
        applied: [],
        alreadyApplied: files.map((f) => f.name),
      });
    } finally {
      await pool.end();
    }
  });

  it("renames the attempts' step column to revision, keeping every value (009)", async () => {
    const name = schema();
    const files = await loadMigrations();
    const before = files.filter((f) => f.name < "009");
    const pool = createPool({ connectionString: url, schema: name, poolSize: 1 });
    try {
      await applyMigrations(pool, { schema: name, migrations: before });
      await pool.query(
        `INSERT INTO organisations (id, name, created_at) VALUES ('org', 'Org', now());
         INSERT INTO users (id, email, name, created_at, updated_at) VALUES ('user', 'u@example.org', 'U', now(), now());
         INSERT INTO attempts (id, org_id, user_id, scenario_id, scenario_version, mode, status, snapshot, step, path,
                               started_at, updated_at)
         VALUES ('att', 'org', 'user', 's', 1, 'learning', 'in-progress', '{}', 3, '["a","b","c","d"]', now(), now())`,
      );
      expect((await applyMigrations(pool, { schema: name, migrations: files })).applied).toContain(
        "009_attempt_revision.sql",
      );
    } finally {
      await pool.end();
    }
    const store = await createPostgresStore({ connectionString: url, schema: name, poolSize: 1 });
    try {
      expect((await store.getAttempt("att"))?.revision).toBe(3);
      expect((await store.updateAttempt("att", 3, { reflection: "carried on" })).revision).toBe(4);
    } finally {
      await store.close();
    }
  });

  it("creates an index for each way the store looks records up", async () => {
    const name = schema();
    const store = await createPostgresStore({ connectionString: url, schema: name, poolSize: 1 });
    await store.close();
    const rows = await queryInSchema<{ indexname: string }>(
      url,
      name,
      "SELECT indexname FROM pg_indexes WHERE schemaname = $1",
      [name],
    );
    const indexes = rows.map((r) => r.indexname);
    for (const expected of [
      "users_email_key",
      "teams_org_idx",
      "memberships_org_idx",
      "sessions_user_idx",
      "audit_org_at_idx",
      "attempts_user_org_idx",
      "attempts_org_scenario_idx",
    ]) {
      expect(indexes).toContain(expected);
    }
  });

  it("rolls back every pending migration when one fails, and says which", async () => {
    const name = schema();
    const pool = createPool({ connectionString: url, schema: name, poolSize: 1 });
    try {
      const error = await applyMigrations(pool, {
        schema: name,
        migrations: [
          { name: "001_ok.sql", sql: "CREATE TABLE kept_if_all_succeed (id int);" },
          { name: "002_broken.sql", sql: "CREATE TABLE oops (id nonsense_type);" },
        ],
      }).catch((e) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error.message).toContain("002_broken.sql");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1",
        [name],
      );
      await client.end();
      expect(rows[0].n).toBe(0);
    } finally {
      await pool.end();
    }
  });

  it("refuses unsafe schema names and unreachable databases with messages a person can act on", async () => {
    await expect(createPostgresStore({ connectionString: url, schema: 'x"; DROP SCHEMA public; --' })).rejects.toThrow(
      /schema name .* is not allowed/,
    );
    const error = await createPostgresStore({
      connectionString: "postgres://webside:s3cret@127.0.0.1:1/none",
      poolSize: 1,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toContain("127.0.0.1:1");
    expect(error.message).toContain("DATABASE_URL");
    expect(error.message).not.toContain("s3cret");
  });

  it("sizes the pool from the option, then DATABASE_POOL_SIZE, then 10", async () => {
    expect(resolvePoolSize(4, { DATABASE_POOL_SIZE: "7" })).toBe(4);
    expect(resolvePoolSize(undefined, { DATABASE_POOL_SIZE: "7" })).toBe(7);
    expect(resolvePoolSize(undefined, {})).toBe(10);
    expect(() => resolvePoolSize(undefined, { DATABASE_POOL_SIZE: "lots" })).toThrow(/DATABASE_POOL_SIZE/);
    const store = await createPostgresStore({ connectionString: url, schema: schema(), poolSize: 3 });
    await store.health();
    expect((await store.health()).detail).toMatch(/pool \d+\/3\)/);
    await store.close();
  });

  it("reports an unhealthy store once it is closed", async () => {
    const store = await createPostgresStore({ connectionString: url, schema: schema(), poolSize: 1 });
    await store.close();
    expect(await store.health()).toMatchObject({ ok: false, kind: "postgres" });
  });
});
