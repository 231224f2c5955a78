// Copies every record of a lowdb data set (main file and attempts shards) into PostgreSQL, keeping ids: idempotent, one transaction, verified.
import type pg from "pg";
import type { LowdbData } from "../lowdb/data.server";
import { readDataSet } from "../lowdb/read-data-set.server";
import { COPY_TABLES, countPresentSql, insertSql, type CopyTable } from "./copy-tables.server";
import { describeDatabase, inTransaction, toStorageError } from "./pool.server";

export type LowdbRecords = Record<string, Array<Record<string, unknown>>>;

export interface LowdbFile {
  path: string;
  schemaVersion: number;
  /** Record arrays by their key in the file, e.g. "users". */
  records: LowdbRecords;
}

export interface TableCount {
  table: string;
  inFile: number;
  /** Records (by id) that were in PostgreSQL before this run. */
  alreadyPresent: number;
  /** Inserted by this run (0 on a dry run). */
  copied: number;
}

const BATCH = 1000;

/** Reads the data file without locking or changing it. Refuses records this version cannot copy. */
export async function readLowdbFile(path: string): Promise<LowdbFile> {
  let data: LowdbData;
  try {
    // The lowdb store's own reading: the main file and its attempts shards, with the same refusals and upgrades.
    data = await readDataSet(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code) {
      throw new Error(`Cannot read ${path}: ${code}. Pass the lowdb data file with --from.`);
    }
    if (error instanceof SyntaxError) {
      throw new Error(
        `${path} is not valid JSON (${error.message}). Restore it from the backups/ folder beside it first.`,
      );
    }
    throw new Error(`${path} cannot be copied: ${(error as Error).message}.`);
  }
  const known = new Set(COPY_TABLES.map((t) => t.key));
  const records: LowdbRecords = {};
  for (const [key, value] of Object.entries(data)) {
    if (!Array.isArray(value)) continue;
    if (!known.has(key)) {
      // A collection added to the file format but not yet to this copy must not be dropped silently.
      if (value.length > 0) {
        throw new Error(
          `${path} holds ${value.length} "${key}" records, which this version cannot copy to PostgreSQL yet; nothing was copied. Upgrade Webside and try again.`,
        );
      }
      continue;
    }
    const bad = value.findIndex((r: unknown) => !r || typeof r !== "object" || Array.isArray(r));
    if (bad >= 0) throw new Error(`${path}: "${key}" record ${bad + 1} is not an object.`);
    records[key] = value as Array<Record<string, unknown>>;
  }
  return { path, schemaVersion: data.schemaVersion, records };
}

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

async function countPresent(
  client: pg.PoolClient | pg.Pool,
  spec: CopyTable,
  records: Array<Record<string, unknown>>,
): Promise<number> {
  let total = 0;
  for (const batch of batches(records)) {
    const keys = batch.map((r) =>
      Object.fromEntries(spec.keyFields.map((k) => [k.field, r[k.field] == null ? null : String(r[k.field])])),
    );
    const { rows } = await client.query<{ n: number }>(countPresentSql(spec), [JSON.stringify(keys)]);
    total += rows[0]!.n;
  }
  return total;
}

/**
 * What a copy would do, without writing. Tables that do not exist yet (never migrated) count as empty, and so
 * does everything when no database is given.
 */
export async function planCopy(pool: pg.Pool | null, file: LowdbFile): Promise<TableCount[]> {
  const plan: TableCount[] = [];
  for (const spec of COPY_TABLES) {
    const records = file.records[spec.key] ?? [];
    if (!pool) {
      plan.push({ table: spec.table, inFile: records.length, alreadyPresent: 0, copied: 0 });
      continue;
    }
    const { rows } = await pool.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [
      spec.table,
    ]);
    const alreadyPresent = rows[0]!.exists ? await countPresent(pool, spec, records) : 0;
    plan.push({ table: spec.table, inFile: records.length, alreadyPresent, copied: 0 });
  }
  return plan;
}

/**
 * Inserts what is missing (records already there are left as they are, so a second run changes nothing), then
 * checks every record of the file is in PostgreSQL before committing; any shortfall rolls the whole copy back.
 */
export async function copyIntoPostgres(
  pool: pg.Pool,
  file: LowdbFile,
  connectionString: string,
): Promise<TableCount[]> {
  let current = "";
  try {
    return await inTransaction(pool, async (client) => {
      const counts: TableCount[] = [];
      for (const spec of COPY_TABLES) {
        current = spec.table;
        const records = file.records[spec.key] ?? [];
        const alreadyPresent = await countPresent(client, spec, records);
        let copied = 0;
        for (const batch of batches(records)) {
          copied += (await client.query(insertSql(spec), [JSON.stringify(batch)])).rowCount ?? 0;
        }
        const present = await countPresent(client, spec, records);
        if (present !== records.length) {
          throw new Error(
            `${records.length} records in the file but ${present} of them are in PostgreSQL afterwards ` +
              `(another record may already hold the same unique value, e.g. an email under a different id)`,
          );
        }
        counts.push({ table: spec.table, inFile: records.length, alreadyPresent, copied });
      }
      return counts;
    });
  } catch (error) {
    const mapped = toStorageError(error, describeDatabase(connectionString));
    const reason = mapped instanceof Error ? mapped.message : String(mapped);
    throw new Error(`Copying ${current} failed, so nothing was copied: ${reason}`);
  }
}
