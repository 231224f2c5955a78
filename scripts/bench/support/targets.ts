// The stores a script runs against: a fresh lowdb file in a temp folder, or a fresh schema in the PostgreSQL at
// DATABASE_URL; how to open them directly (to seed and check) and how to remove them afterwards.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createLowdbStore } from "~/storage/lowdb.server";
import { createPostgresStore } from "~/storage/postgres.server";
import type { Store } from "~/storage/types";
import type { ServerEnv } from "./server-process";

export type StoreKind = "lowdb" | "postgres";

export const DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/test";

export interface Target {
  kind: StoreKind;
  /** The temp folder (lowdb data file, backups, lock); also used by PostgreSQL runs for the unused DATA_FILE. */
  dir: string;
  dataFile: string;
  databaseUrl?: string;
  schema?: string;
  /** Opens the store in this process. For lowdb, close it before starting a server on the same file. */
  open(): Promise<Store>;
  serverEnv(port: number, env?: Record<string, string>): ServerEnv;
  remove(): Promise<void>;
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

/** `url` overrides DATABASE_URL for a caller whose own environment must not carry it (the e2e run's lowdb server). */
export function freshTarget(kind: StoreKind, label = "run", url = databaseUrl()): Target {
  const dir = mkdtempSync(path.join(tmpdir(), `webside-${label}-`));
  const dataFile = path.join(dir, "webside.json");
  if (kind === "lowdb") {
    return {
      kind,
      dir,
      dataFile,
      open: () => createLowdbStore({ file: dataFile, backups: 5 }),
      serverEnv: (port, env) => ({ port, dataFile, env }),
      async remove() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // The prefix matches what tests/storage-pg/fresh-schema.ts is willing to drop.
  const schema = `webside_test_${randomBytes(6).toString("hex")}`;
  return {
    kind,
    dir,
    dataFile,
    databaseUrl: url,
    schema,
    open: () => createPostgresStore({ connectionString: url, schema, poolSize: 10 }),
    serverEnv: (port, env) => ({ port, dataFile, databaseUrl: url, databaseSchema: schema, env }),
    async remove() {
      rmSync(dir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A loopback port nothing is listening on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
