// The PostgreSQL storage adapter: several app instances can share one database (selected by DATABASE_URL).
import { StoreUnavailableError } from "./errors";
import { assignmentRecords } from "./postgres/assignments.server";
import { attemptRecords } from "./postgres/attempts.server";
import { auditRecords } from "./postgres/audit.server";
import { certificateRecords } from "./postgres/certificates.server";
import { createDb } from "./postgres/context.server";
import { invitationRecords } from "./postgres/invitations.server";
import { membershipRecords } from "./postgres/memberships.server";
import { applyMigrations } from "./postgres/migrations.server";
import { organisationRecords } from "./postgres/organisations.server";
import { createPool, describeDatabase, toStorageError } from "./postgres/pool.server";
import { scenarioRecords } from "./postgres/scenarios.server";
import { sessionRecords } from "./postgres/sessions.server";
import { userRecords } from "./postgres/users.server";
import { xapiRecords } from "./postgres/xapi.server";
import type { HealthStatus, Store } from "./types";
import { loginAttemptRecords } from "./postgres/login-attempts.server";
import { liveRecords, liveSignalRecords } from "./postgres/live.server";

export interface PostgresStoreOptions {
  connectionString: string;
  /** Work in this schema instead of the server's default (created if missing); tests use a fresh one per run. */
  schema?: string;
  /** Most connections held open; defaults to DATABASE_POOL_SIZE, then 10. */
  poolSize?: number;
  /** Newest audit events kept, and how many appends between prunes (defaults in app/storage/audit-bounds.ts). */
  auditKeep?: number;
  auditPruneEvery?: number;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** The clock for record times (tests pin it), as in the lowdb store. */
  now?: () => Date;
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
  const db = createDb(pool, database, () => closed !== undefined, options.now ?? (() => new Date()));
  const { closeLive, ...signals } = liveSignalRecords(db, {
    connectionString: options.connectionString,
  });

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
      closed ??= closeLive().then(() => pool.end());
      return closed;
    },

    ...organisationRecords(db),
    ...userRecords(db),
    ...membershipRecords(db),
    ...sessionRecords(db),
    ...auditRecords(db, { keep: options.auditKeep, pruneEvery: options.auditPruneEvery }),
    ...attemptRecords(db),
    ...scenarioRecords(db),
    ...assignmentRecords(db),
    ...invitationRecords(db),
    ...certificateRecords(db),
    ...xapiRecords(db),
    ...loginAttemptRecords(db),
    ...liveRecords(db),
    ...signals,
  };
}
