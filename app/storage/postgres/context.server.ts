// What the record-group modules share: parameterised queries and transactions with storage errors mapped, and the
// clock and ids (injected, as in the lowdb store, so tests can pin record times).
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { StoreUnavailableError } from "../errors";
import { inTransaction, toStorageError, type Queryable } from "./pool.server";

export type Row = Record<string, unknown>;

export interface Db {
  /** Runs one parameterised statement; values are always passed as parameters, never spliced into SQL. */
  rows(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Runs fn in one transaction: every write inside it lands, or none does. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** The store's clock as an ISO timestamp, for the times records are stamped with. */
  now(): string;
  newId(): string;
}

function bind(
  target: Queryable,
  database: string,
  transaction: Db["transaction"],
  isClosed: () => boolean,
  clock: () => Date,
): Db {
  return {
    async rows(sql, params = []) {
      if (isClosed()) throw closedError(database);
      try {
        const result = await target.query(sql, params);
        return result.rows as Row[];
      } catch (error) {
        throw toStorageError(error, database);
      }
    },
    transaction,
    now: () => clock().toISOString(),
    newId: () => randomUUID(),
  };
}

function closedError(database: string): StoreUnavailableError {
  return new StoreUnavailableError(`The PostgreSQL store for ${database} has been closed.`);
}

/** isClosed lets the store refuse work after close() with the same error the lowdb store gives. */
export function createDb(pool: pg.Pool, database: string, isClosed: () => boolean, clock: () => Date): Db {
  const transaction: Db["transaction"] = async (fn) => {
    if (isClosed()) throw closedError(database);
    try {
      return await inTransaction(pool, (client) => {
        // Nested transactions simply join the outer one.
        const tx: Db = bind(client, database, (inner) => inner(tx), isClosed, clock);
        return fn(tx);
      });
    } catch (error) {
      throw toStorageError(error, database);
    }
  };
  return bind(pool, database, transaction, isClosed, clock);
}
