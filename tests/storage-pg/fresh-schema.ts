// A throw-away PostgreSQL schema per test run, so suites never see each other's rows (or a developer's data).
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll } from "vitest";

export const DATABASE_URL = process.env.DATABASE_URL?.trim() || undefined;

export const SKIP_MESSAGE =
  "DATABASE_URL is not set, so the PostgreSQL tests are skipped. Run them with " +
  "DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:pg";

export function freshSchemaName(): string {
  return `webside_test_${randomBytes(6).toString("hex")}`;
}

/** Drops a test schema and everything in it. The name is generated above, never user input. */
export async function dropSchema(connectionString: string, schema: string): Promise<void> {
  if (!/^webside_test_[0-9a-f]+$/.test(schema))
    throw new Error(`Refusing to drop schema "${schema}": not a test schema.`);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs one query in a schema (for assertions about what was written). */
export async function queryInSchema<T extends Record<string, unknown>>(
  connectionString: string,
  schema: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${schema}"`);
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/**
 * For `webside migrate` suites: a fresh schema and a temporary folder for the lowdb file being copied, both removed
 * after the suite. Call inside `describe`; `folder()` makes the folder (once per suite).
 */
export function migrationScratch(prefix: string) {
  const scratch = { url: DATABASE_URL!, schema: freshSchemaName(), dir: "" };
  afterAll(async () => {
    await dropSchema(scratch.url, scratch.schema);
    if (scratch.dir) await rm(scratch.dir, { recursive: true, force: true });
  });
  return {
    url: scratch.url,
    schema: scratch.schema,
    folder: async () => (scratch.dir = await mkdtemp(path.join(tmpdir(), prefix))),
  };
}
