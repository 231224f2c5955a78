// Opens a lowdb data set as a Store: lock it, clear a crash's leftovers, read (or create) the main file and the
// attempts shards beside it, upgrade a single-file store from before the shards (after backing it up), back it up,
// and hand out the store functions that share one in-memory copy and one write queue.
import path from "node:path";
import { Low } from "lowdb";
import { StoreUnavailableError } from "../errors";
import type { AuditEvent, HealthStatus, Store } from "../types";
import { removeStaleTempFiles } from "./atomic-write.server";
import { assignmentRecords } from "./assignments.server";
import { attemptRecords } from "./attempts.server";
import { auditRecords } from "./audit.server";
import { BackupRotation } from "./backups.server";
import { certificateRecords } from "./certificates.server";
import { AttemptShards, shardFolderFor } from "./attempt-shards.server";
import {
  isShardName,
  isShardTempName,
  shardCountFor,
  shardOf,
  SHARD_FORMAT,
  type ShardFile,
} from "./shard-layout.server";
import { auditFileFor, checkAuditFile, type AuditFile } from "./audit-file.server";
import {
  AUDIT_FILE_VERSION,
  checkData,
  emptyData,
  SCHEMA_VERSION,
  SHARDED_VERSION,
  type LowdbData,
} from "./data.server";
import { LowdbDatabase } from "./database.server";
import { DurableJsonFile } from "./durable-json-file.server";
import { listFolder, nodeFs, type DurableFs } from "./file-system.server";
import { acquireLock } from "./lock.server";
import { invitationRecords } from "./invitations.server";
import { membershipRecords } from "./memberships.server";
import { organisationRecords } from "./organisations.server";
import { scenarioRecords } from "./scenarios.server";
import { sessionRecords } from "./sessions.server";
import { userRecords } from "./users.server";
import { xapiRecords } from "./xapi.server";
import { loginAttemptRecords } from "./login-attempts.server";
import { liveRecords, liveSignalRecords } from "./live.server";

export interface LowdbStoreOptions {
  /** The main JSON data file; its folder is created if missing, and attempts go in `<stem>.attempts/` beside it. */
  file: string;
  /** How many rotating backups to keep in `<folder>/backups/` (default 10; 0 turns them off). */
  backups?: number;
  /** At most one backup per this many milliseconds while writing (default 60 000). */
  backupIntervalMs?: number;
  /** The clock for record times and backup names (tests pin it). */
  now?: () => Date;
  /** Newest audit events kept in the file before the oldest are archived (default AUDIT_KEEP_LOWDB). */
  auditKeep?: number;
  /** File operations, for tests that watch their order or make them fail. */
  fs?: DurableFs;
  /**
   * Attempts per shard, on average, above which a start doubles the number of shards (default DEFAULT_SHARD_FILL).
   * Tests lower it to exercise the re-spread with a few attempts.
   */
  shardFill?: number;
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
    await removeStaleTempFiles(auditFileFor(file), fs);
    const backups = new BackupRotation({ file, keep, intervalMs, now, fs });
    await backups.removeStaleTempFiles();
    await removeStaleShardTempFiles(shardFolderFor(file), fs);

    const defaults = emptyData();
    const mainFile = new DurableJsonFile<LowdbData>(file, {
      validate: checkData,
      newestBackup: () => backups.newestCopyOf(file),
      fs,
    });
    const low = new Low<LowdbData>(mainFile, defaults);
    await low.read();
    const created = low.data === defaults;
    const formatOnDisk = low.data.schemaVersion;
    const auditPath = auditFileFor(file);
    const auditFile = new DurableJsonFile<AuditFile>(auditPath, {
      validate: checkAuditFile,
      newestBackup: () => backups.newestCopyOf(auditPath),
      fs,
    });
    if (!created && formatOnDisk >= AUDIT_FILE_VERSION) low.data.audit = await readAuditFile(auditFile, backups);
    const attempts = new AttemptShards(file, fs, backups);
    const db = new LowdbDatabase(low, file, mainFile, auditFile, attempts, backups, now);
    db.auditOnDisk = !created && formatOnDisk >= AUDIT_FILE_VERSION;
    if (created) {
      // A new store: put the files (with their format versions) on disk now, so the first request never finds one missing.
      await attempts.load();
      await db.writeMainAndAudit();
    } else if (formatOnDisk < SHARDED_VERSION) {
      await upgradeToShards(low, attempts, backups, fs, options.shardFill, () => db.writeMainAndAudit());
    } else {
      const spread = await attempts.load(options.shardFill);
      // A failed backup that need not stop the start is reported by health instead.
      const noteBackupFailure = (error: unknown) => {
        backups.lastError = error instanceof Error ? error : new Error(String(error));
      };
      // A spread or a move to format 3 changes files, so it needs the start's backup.
      const mustChange = spread || formatOnDisk < SCHEMA_VERSION;
      await backups.backupNow(db.liveFiles()).catch((error: unknown) => {
        if (mustChange) throw error;
        noteBackupFailure(error);
      });
      if (formatOnDisk < AUDIT_FILE_VERSION) {
        low.data.schemaVersion = SCHEMA_VERSION;
        await db.writeMainAndAudit();
      }
      // The history has outgrown its shards (or a spread was cut short): spread it over more files before the first
      // write. Once per doubling; the new layout is what the next backups copy.
      if (spread) {
        await attempts.spread(shardCountFor(attempts.size, options.shardFill));
        // Every shard file of the new layout is new, so a backup must copy them all once. Taken now, in this one-off
        // start, the next start's backup links them instead (at 100,000 attempts that copy added 2 to 3 s to it).
        await backups.backupNow(db.liveFiles()).catch(noteBackupFailure);
      }
    }

    let closed = false;

    async function health(): Promise<HealthStatus> {
      if (db.problem) return { ok: false, kind: "lowdb", detail: db.problem.message };
      if (closed) return { ok: false, kind: "lowdb", detail: `The store for ${file} has been closed.` };
      const data = db.data();
      const notes = [
        `${file}: ${data.users.length} users, ${db.attempts.size} attempts`,
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
      ...organisationRecords(db),
      ...userRecords(db),
      ...membershipRecords(db),
      ...sessionRecords(db),
      ...auditRecords(db, { keep: options.auditKeep }),
      ...attemptRecords(db),
      ...scenarioRecords(db),
      ...assignmentRecords(db),
      ...invitationRecords(db),
      ...certificateRecords(db),
      ...xapiRecords(db),
      ...loginAttemptRecords(db),
      ...liveRecords(db),
      ...liveSignalRecords(),
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/**
 * Splits a single-file store (format 1, attempts inside it) into the main file and attempts shards. The old file is
 * backed up first and stays the source of truth until the very last step replaces it, so a crash at any point leaves
 * either the old store (and the next start upgrades again, overwriting any shards a crashed run left) or the new one.
 */
async function upgradeToShards(
  low: Low<LowdbData>,
  attempts: AttemptShards,
  backups: BackupRotation,
  fs: DurableFs,
  fill: number | undefined,
  writeMain: () => Promise<void>,
): Promise<void> {
  const old = low.data;
  // Shards already there (a crashed upgrade's, or a newer store's under a restored single-file backup) go in too.
  const present = (await listFolder(fs, attempts.folder)).filter(isShardName);
  const count = shardCountFor(old.attempts.length, fill);
  await backups.backupNow([attempts.file, ...present.map((n) => path.join(attempts.folder, n))]);
  const byShard = new Map<number, ShardFile>();
  old.attempts.forEach((attempt, i) => {
    const shard = shardOf(attempt.id, count);
    let file = byShard.get(shard);
    if (!file) byShard.set(shard, (file = { shardFormat: SHARD_FORMAT, shard, of: count, attempts: [] }));
    file.attempts.push({ seq: i + 1, attempt });
  });
  await fs.mkdir(attempts.folder);
  // Shards from a newer moment (a restored single-file backup over a sharded store) must not outlive the upgrade.
  for (const name of present) {
    if (!byShard.has(Number(name.slice(0, -".json".length)))) {
      await fs.unlink(path.join(attempts.folder, name));
    }
  }
  for (const [shard, file] of byShard) await attempts.adapter(shard).write(file);
  low.data = { ...old, schemaVersion: SCHEMA_VERSION, attempts: [] };
  await writeMain();
  await attempts.load();
}

/**
 * The audit log of a format 3 store. Its file is written before the main file ever says format 3, so a missing one was
 * removed by hand: refused, naming its backup, rather than starting with the history gone.
 */
async function readAuditFile(auditFile: DurableJsonFile<AuditFile>, backups: BackupRotation): Promise<AuditEvent[]> {
  const read = await auditFile.read();
  if (read) return read.audit;
  const newest = await backups.newestCopyOf(auditFile.file).catch(() => null);
  throw new StoreUnavailableError(
    `The audit log ${auditFile.file} is missing, so Webside has not started. ${
      newest
        ? `The newest backup is ${newest}: copy it to ${auditFile.file} and start Webside again.`
        : "There is no backup of it."
    }`,
  );
}

/** Temp files a crashed writer left among the shards (`.0123.json.<pid>.<random>.tmp`). */
async function removeStaleShardTempFiles(folder: string, fs: DurableFs): Promise<void> {
  for (const name of await listFolder(fs, folder)) {
    if (isShardTempName(name)) await fs.unlink(path.join(folder, name)).catch(() => undefined);
  }
}
