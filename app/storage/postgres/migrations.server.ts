// Applies the numbered SQL files in ./migrations once each, in order, recorded in schema_migrations.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { StoreUnavailableError } from "../errors";
import { checkSchemaName, inTransaction, quoteIdent } from "./pool.server";

export interface Migration {
  /** The file name, e.g. "001_initial.sql"; also the key in schema_migrations. */
  name: string;
  sql: string;
}

export interface MigrationReport {
  /** Migrations this call ran, in order. */
  applied: string[];
  /** Migrations that had already run before this call. */
  alreadyApplied: string[];
}

const MIGRATION_FILE = /^\d{3}_[a-z0-9_]+\.sql$/;

/**
 * The folder beside this module when run from source (tsx, vitest); from the working directory when the
 * server runs from a build, where this module has been bundled elsewhere.
 */
export function migrationsDirectory(): string {
  const candidates = [
    fileURLToPath(new URL("./migrations/", import.meta.url)),
    path.resolve(process.cwd(), "app/storage/postgres/migrations"),
  ];
  const found = candidates.find((dir) => existsSync(path.join(dir, "001_initial.sql")));
  if (!found) {
    throw new StoreUnavailableError(
      `Cannot find the PostgreSQL migrations (looked in ${candidates.join(" and ")}). Start Webside from the folder it was installed in.`,
    );
  }
  return found;
}

export async function loadMigrations(dir: string = migrationsDirectory()): Promise<Migration[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  const badName = names.find((name) => !MIGRATION_FILE.test(name));
  if (badName) {
    throw new StoreUnavailableError(
      `Migration file "${badName}" in ${dir} must be named like 002_add_assignments.sql.`,
    );
  }
  const numbers = names.map((name) => name.slice(0, 3));
  const duplicate = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (duplicate) {
    throw new StoreUnavailableError(
      `Two migration files in ${dir} share the number ${duplicate}; renumber one of them.`,
    );
  }
  return Promise.all(names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name), "utf8") })));
}

// Any fixed pair of numbers works; together with the schema name it keys the advisory lock.
const LOCK_NAMESPACE = "webside.schema_migrations";

/**
 * Runs pending migrations in one transaction under an advisory lock, so two instances starting at once
 * take turns: the second finds everything applied and does nothing. All or none of the pending files apply.
 */
export async function applyMigrations(
  pool: pg.Pool,
  options: { schema?: string; migrations?: Migration[] } = {},
): Promise<MigrationReport> {
  const migrations = options.migrations ?? (await loadMigrations());
  const schema = options.schema === undefined ? undefined : checkSchemaName(options.schema);
  return inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))", [
      LOCK_NAMESPACE,
      schema ?? "public",
    ]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         name       text PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
    );
    const { rows } = await client.query<{ name: string }>("SELECT name FROM schema_migrations");
    const done = new Set(rows.map((row) => row.name));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (done.has(migration.name)) continue;
      try {
        await client.query(migration.sql);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new StoreUnavailableError(`Migration ${migration.name} failed and nothing was changed: ${reason}`);
      }
      await client.query("INSERT INTO schema_migrations (name) VALUES ($1)", [migration.name]);
      applied.push(migration.name);
    }
    return { applied, alreadyApplied: migrations.map((m) => m.name).filter((name) => done.has(name)) };
  });
}
