// The PostgreSQL connection pool: size, schema (search_path), and turning driver errors into storage errors.
import pg from "pg";
import { NotFoundError, StorageError, StoreUnavailableError, UniqueViolationError } from "../errors";

export interface PoolOptions {
  connectionString: string;
  /** A schema to use instead of `public` (tests use a fresh one per run). Created if missing. */
  schema?: string;
  /** Connections kept open at most; defaults to DATABASE_POOL_SIZE, then 10. */
  poolSize?: number;
}

export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Schema names go into SQL as identifiers, which cannot be parameters, so only plain names are accepted. */
export function checkSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new StoreUnavailableError(
      `The PostgreSQL schema name "${schema}" is not allowed: use lower-case letters, digits and underscores, starting with a letter (at most 63 characters).`,
    );
  }
  return schema;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function resolvePoolSize(
  poolSize: number | undefined,
  env: Record<string, string | undefined> = process.env,
): number {
  const raw = poolSize ?? (env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : 10);
  if (!Number.isInteger(raw) || raw < 1 || raw > 200) {
    throw new StoreUnavailableError(
      `The PostgreSQL pool size must be a whole number from 1 to 200 (got "${String(poolSize ?? env.DATABASE_POOL_SIZE)}"); set DATABASE_POOL_SIZE accordingly.`,
    );
  }
  return raw;
}

/** The database address without its password, safe to show in messages and logs. */
export function describeDatabase(connectionString: string): string {
  try {
    const url = new URL(connectionString);
    if (url.password) url.password = "***";
    return `${url.host}${url.pathname}`;
  } catch {
    return "the database in DATABASE_URL";
  }
}

export function createPool(options: PoolOptions): pg.Pool {
  const schema = options.schema === undefined ? undefined : checkSchemaName(options.schema);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: resolvePoolSize(options.poolSize),
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    application_name: "webside",
    // Every pooled connection works in the chosen schema, so queries never name it.
    onConnect: schema
      ? (client) => client.query(`SET search_path TO ${quoteIdent(schema)}`).then(() => undefined)
      : undefined,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  return pool;
}

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "ETIMEDOUT",
  "ECONNRESET",
  "EAI_AGAIN",
  "EHOSTUNREACH",
]);

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
}

/** Maps a driver error to the storage error routes understand; anything unexpected is passed through. */
export function toStorageError(error: unknown, database: string): unknown {
  if (error instanceof StorageError) return error;
  const e = (error ?? {}) as PgError;
  if (e.code === "23505") {
    if (e.constraint === "users_email_key") {
      return new UniqueViolationError("That email address is already used by another account.", "email");
    }
    if (e.constraint?.endsWith("_pkey")) {
      const what = e.constraint === "sessions_pkey" ? "A session" : "A record";
      return new UniqueViolationError(`${what} with this id already exists.`, "id");
    }
    return new UniqueViolationError(
      `A record with the same value already exists (${e.detail ?? e.constraint ?? "unique key"}).`,
      e.constraint ?? "id",
    );
  }
  if (e.code === "23503") {
    return new NotFoundError(
      `A record this one refers to does not exist (${e.detail ?? e.constraint ?? "foreign key"}).`,
    );
  }
  const message = e.message ?? "";
  if (
    (e.code && UNAVAILABLE_CODES.has(e.code)) ||
    e.code?.startsWith("08") ||
    e.code === "57P01" ||
    e.code === "3D000" ||
    e.code === "28000" ||
    e.code === "28P01" ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(message)
  ) {
    return new StoreUnavailableError(
      `Cannot use PostgreSQL at ${database}: ${message || e.code}. Check DATABASE_URL and that the server is running and accepts this user.`,
    );
  }
  return error;
}

/** Runs fn inside one transaction on one pooled connection; rolls back on any error. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    // A connection that cannot even roll back is discarded rather than returned to the pool.
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
