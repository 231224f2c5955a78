// Opens a lowdb data file as a Store: lock it, clear a crash's leftovers, read (or create) it, back it up, and
// hand out the store functions that share one in-memory copy and one write queue.
import path from "node:path";
import { Low } from "lowdb";
import { StoreUnavailableError } from "../errors";
import type { HealthStatus, Store } from "../types";
import { removeStaleTempFiles } from "./atomic-write.server";
import { assignmentFunctions } from "./assignments.server";
import { attemptFunctions } from "./attempts.server";
import { auditFunctions } from "./audit.server";
import { BackupRotation } from "./backups.server";
import { checkData, emptyData, type LowdbData } from "./data.server";
import { LowdbDatabase } from "./database.server";
import { DurableJsonFile } from "./durable-json-file.server";
import { nodeFs, type DurableFs } from "./file-system.server";
import { acquireLock } from "./lock.server";
import { membershipFunctions } from "./memberships.server";
import { organisationFunctions } from "./organisations.server";
import { scenarioFunctions } from "./scenarios.server";
import { sessionFunctions } from "./sessions.server";
import { trackingRecordFunctions } from "./tracking-records.server";
import { userFunctions } from "./users.server";
import { xapiQueueFunctions } from "./xapi-queue.server";

export interface LowdbStoreOptions {
  /** The JSON data file; its folder is created if missing. */
  file: string;
  /** How many rotating backups to keep in `<folder>/backups/` (default 10; 0 turns them off). */
  backups?: number;
  /** At most one backup per this many milliseconds while writing (default 60 000). */
  backupIntervalMs?: number;
  /** The clock for record times and backup names (tests pin it). */
  now?: () => Date;
  /** File operations, for tests that watch their order or make them fail. */
  fs?: DurableFs;
}

export const DEFAULT_BACKUPS = 10;
export const DEFAULT_BACKUP_INTERVAL_MS = 60_000;

function wholeNumber(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new StoreUnavailableError(`The number of ${what} must be a whole number of 0 or more (got ${value}).`);
  }
  return value;
}

export async function createLowdbStore(options: LowdbStoreOptions): Promise<Store> {
  const file = path.resolve(options.file);
  const fs = options.fs ?? nodeFs;
  const now = options.now ?? (() => new Date());
  const keep = wholeNumber(options.backups ?? DEFAULT_BACKUPS, "backups to keep");
  const intervalMs = wholeNumber(
    options.backupIntervalMs ?? DEFAULT_BACKUP_INTERVAL_MS,
    "milliseconds between backups",
  );

  try {
    await fs.mkdir(path.dirname(file));
  } catch (error) {
    throw new StoreUnavailableError(
      `Cannot create the folder for the data file ${file}: ${(error as Error).message}. Check DATA_FILE and the folder's permissions.`,
    );
  }
  const lock = await acquireLock(file);
  try {
    // Holding the lock, every temp file here is a crashed writer's leftover, never a live one.
    await removeStaleTempFiles(file, fs);
    const backups = new BackupRotation({ file, keep, intervalMs, now, fs });
    await backups.removeStaleTempFiles();

    const defaults = emptyData();
    const low = new Low<LowdbData>(new DurableJsonFile(file, { validate: checkData, backups, fs }), defaults);
    await low.read();
    if (low.data === defaults) {
      // A new store: put the file (with its format version) on disk now, so the first request never finds it missing.
      await low.write();
    } else {
      await backups.backupNow().catch((error: unknown) => {
        backups.lastError = error instanceof Error ? error : new Error(String(error));
      });
    }

    const db = new LowdbDatabase(low, file, now);
    let closed = false;

    async function health(): Promise<HealthStatus> {
      if (db.problem) return { ok: false, kind: "lowdb", detail: db.problem.message };
      if (closed) return { ok: false, kind: "lowdb", detail: `The store for ${file} has been closed.` };
      const data = db.data();
      const notes = [
        `${file}: ${data.users.length} users, ${data.attempts.length} attempts`,
        db.lastWriteAt ? `last write ${db.lastWriteAt.toISOString()}` : "no writes since start",
      ];
      if (db.lastWriteError) notes.push(`the last write failed: ${db.lastWriteError.message}`);
      if (backups.lastError) notes.push(`the last backup failed: ${backups.lastError.message}`);
      return { ok: db.lastWriteError === null, kind: "lowdb", detail: notes.join("; ") };
    }

    return {
      kind: "lowdb",
      health,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await db.close();
        } finally {
          await lock.release();
        }
      },
      ...organisationFunctions(db),
      ...userFunctions(db),
      ...membershipFunctions(db),
      ...sessionFunctions(db),
      ...auditFunctions(db),
      ...attemptFunctions(db),
      ...assignmentFunctions(db),
      ...trackingRecordFunctions(db),
      ...xapiQueueFunctions(db),
      ...scenarioFunctions(db),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
