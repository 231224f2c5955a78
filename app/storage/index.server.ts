// Picks the store for this deployment: PostgreSQL when a DATABASE_URL is set, otherwise the embedded lowdb file.
import { createLowdbStore } from "./lowdb.server";
import type { Store } from "./types";

export interface StoreConfig {
  /** The lowdb JSON file (used when databaseUrl is not set). */
  dataFile: string;
  /** postgres://… selects PostgreSQL. */
  databaseUrl?: string;
  /** Rotating lowdb backups to keep. */
  backups?: number;
  /** PostgreSQL connections to hold open at most. */
  poolSize?: number;
  /** PostgreSQL schema to work in (DATABASE_SCHEMA); unset means the server's default. */
  schema?: string;
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (!config.databaseUrl) return createLowdbStore({ file: config.dataFile, backups: config.backups });
  // Loaded only when asked for, so a lowdb deployment never loads the PostgreSQL driver.
  const { createPostgresStore } = await import("./postgres.server");
  return createPostgresStore({
    connectionString: config.databaseUrl,
    poolSize: config.poolSize,
    schema: config.schema,
  });
}
