// The PostgreSQL storage adapter: several app instances can share one database (selected by DATABASE_URL).
import { StoreUnavailableError } from "./errors";
import { auditQueries } from "./postgres/audit.server";
import { attemptQueries } from "./postgres/attempts.server";
import { createDb } from "./postgres/context.server";
import { applyMigrations } from "./postgres/migrations.server";
import { organisationQueries } from "./postgres/organisations.server";
import { createPool, describeDatabase, toStorageError } from "./postgres/pool.server";
import { scenarioQueries } from "./postgres/scenarios.server";
import { sessionQueries } from "./postgres/sessions.server";
import { assignmentQueries } from "./postgres/tracking-assignments.server";
import { trackingQueries } from "./postgres/tracking-queue.server";
import { userQueries } from "./postgres/users.server";
import type { HealthStatus, Store } from "./types";

export interface PostgresStoreOptions {
  connectionString: string;
  /** Work in this schema instead of the server's default (created if missing); tests use a fresh one per run. */
  schema?: string;
  /** Most connections held open; defaults to DATABASE_POOL_SIZE, then 10. */
  poolSize?: number;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
}

/** Connects, applies pending migrations (unless migrate is false) and returns a ready store. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const database = describeDatabase(options.connectionString);
  const pool = createPool(options);
  try {
    if (options.migrate ?? true) {
      await applyMigrations(pool, { schema: options.schema });
    } else {
      await pool.query("SELECT 1");
    }
  } catch (error) {
    await pool.end().catch(() => {});
    const mapped = toStorageError(error, database);
    throw mapped instanceof StoreUnavailableError
      ? mapped
      : new StoreUnavailableError(
          `Cannot start on PostgreSQL at ${database}: ${error instanceof Error ? error.message : String(error)}`,
        );
  }

  let closed: Promise<void> | undefined;
  const db = createDb(pool, database, () => closed !== undefined);

  return {
    kind: "postgres",

    async health(): Promise<HealthStatus> {
      try {
        const [row] = await db.rows(
          "SELECT 1 AS ok, current_setting('server_version') AS version, current_schema() AS schema",
        );
        return {
          ok: true,
          kind: "postgres",
          detail: `PostgreSQL ${String(row!.version)} at ${database} (schema ${String(row!.schema)}, pool ${pool.totalCount}/${pool.options.max})`,
        };
      } catch (error) {
        return { ok: false, kind: "postgres", detail: error instanceof Error ? error.message : String(error) };
      }
    },

    close() {
      closed ??= pool.end();
      return closed;
    },

    ...organisationQueries(db),
    ...userQueries(db),
    ...sessionQueries(db),
    ...auditQueries(db),
    ...attemptQueries(db),
    ...assignmentQueries(db),
    ...trackingQueries(db),
    ...scenarioQueries(db),
  };
}
