// The open lowdb database the store functions share: the in-memory data (the main file's small collections, the audit
// log kept in its own file, and the attempts held by AttemptShards), ways to change it (mutate for the main file or
// the audit log, mutateAttempts for attempts; each resolves after the change is on disk), the clock and ids, and the
// closed/broken states. One write queue writes only what changed: the main file if one of its collections did, the
// audit file if an event was appended, and each changed attempts shard.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Low } from "lowdb";
import { StoreUnavailableError } from "../errors";
import type { AttemptShards } from "./attempt-shards.server";
import { checkShard, shardName } from "./shard-layout.server";
import type { BackupRotation } from "./backups.server";
import { checkAuditFile, AUDIT_FILE_FORMAT, type AuditFile } from "./audit-file.server";
import { checkData, type LowdbData } from "./data.server";
import type { DurableJsonFile } from "./durable-json-file.server";
import { WriteQueue } from "./write-queue.server";

export class LowdbDatabase {
  private readonly queue: WriteQueue;
  private closed = false;
  /** Set when the memory could not be brought back in line with the files after a failed write. */
  private broken: StoreUnavailableError | null = null;
  /** The main file's collections changed in memory and not yet handed to a write. */
  private mainChanged = false;
  /** The audit log changed in memory and not yet handed to a write. */
  private auditChanged = false;
  /** What the write under way is writing, so a failure knows what to read back. */
  private writing: { main: boolean; audit: boolean; shards: number[] } = { main: false, audit: false, shards: [] };
  /** False until a store of format 2 or older has had its audit log moved into its own file. */
  auditOnDisk = true;
  lastWriteAt: Date | null = null;
  lastWriteError: Error | null = null;

  constructor(
    private readonly low: Low<LowdbData>,
    readonly file: string,
    private readonly mainFile: DurableJsonFile<LowdbData>,
    private readonly auditFile: DurableJsonFile<AuditFile>,
    readonly attempts: AttemptShards,
    private readonly backups: BackupRotation | undefined,
    private readonly clock: () => Date,
  ) {
    this.queue = new WriteQueue(
      async () => {
        await this.writeChanges();
        this.lastWriteAt = this.clock();
        this.lastWriteError = null;
      },
      (error) => this.rollBack(error),
    );
  }

  /** The live data of the main file, for reading. Callers copy what they return. */
  data(): LowdbData {
    this.assertUsable();
    return this.low.data;
  }

  /** The live attempts, for reading. Callers copy what they return. */
  attemptData(): AttemptShards {
    this.assertUsable();
    return this.attempts;
  }

  /**
   * Applies `change` to the main file's data in memory and resolves with a copy of its result once that change is
   * on disk. `change` must be synchronous and must check everything before it changes anything, so a thrown error
   * leaves the data as it was. A change to the audit log alone says so (`"audit"`), so only the audit file is written.
   */
  async mutate<R>(change: (data: LowdbData) => R, part: "main" | "audit" = "main"): Promise<R> {
    this.assertUsable();
    const result = change(this.low.data);
    if (part === "audit") this.auditChanged = true;
    else this.mainChanged = true;
    await this.queue.commit();
    return structuredClone(result);
  }

  /** As mutate, for attempts: `change` adds or touches attempts through AttemptShards, which notes their shards. */
  async mutateAttempts<R>(change: (attempts: AttemptShards, data: LowdbData) => R): Promise<R> {
    this.assertUsable();
    const result = change(this.attempts, this.low.data);
    await this.queue.commit();
    return structuredClone(result);
  }

  /** The live files that make up the data set now: the main file, the audit file and every shard on disk. */
  liveFiles(): string[] {
    return [
      this.file,
      ...(this.auditOnDisk ? [this.auditFile.file] : []),
      ...this.attempts.shardsOnDisk().map((s) => path.join(this.attempts.folder, shardName(s))),
    ];
  }

  /** Writes the main file and the audit file as they are in memory (a new store, or the move to format 3). */
  async writeMainAndAudit(): Promise<void> {
    // The audit file first: a main file of format 3 is only ever on disk with its audit file beside it.
    await this.auditFile.write(this.auditContents());
    this.auditOnDisk = true;
    await this.mainFile.write(this.mainContents());
  }

  private mainContents(): LowdbData {
    return { ...this.low.data, audit: [] };
  }

  private auditContents(): AuditFile {
    return { auditFormat: AUDIT_FILE_FORMAT, audit: this.low.data.audit };
  }

  now(): string {
    return this.clock().toISOString();
  }

  newId(): string {
    return randomUUID();
  }

  get problem(): StoreUnavailableError | null {
    return this.broken;
  }

  /** Waits for writes in flight, then refuses further use. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue.drain();
    this.closed = true;
  }

  private async writeChanges(): Promise<void> {
    // Before anything is replaced, and with no other write running, so the backup is one moment of the files.
    await this.backups?.backupIfDue(() => this.liveFiles());
    const main = this.mainChanged;
    const audit = this.auditChanged;
    this.mainChanged = false;
    this.auditChanged = false;
    // Taken and serialised synchronously (each adapter's write serialises before its first await), so every file
    // written holds one consistent moment of memory.
    const shards = this.attempts.takeChanges();
    this.writing = { main, audit, shards: shards.map((s) => s.shard) };
    const writes: Array<Promise<void>> = [];
    if (main) writes.push(this.mainFile.write(this.mainContents()));
    if (audit) writes.push(this.auditFile.write(this.auditContents()));
    for (const { shard, data } of shards) writes.push(this.attempts.adapter(shard).write(data));
    const outcomes = await Promise.allSettled(writes);
    for (const { shard } of shards) this.attempts.markOnDisk(shard);
    if (this.backups) {
      if (main) this.backups.noteWritten(this.file);
      if (audit) this.backups.noteWritten(this.auditFile.file);
      for (const { shard } of shards) this.backups.noteWritten(path.join(this.attempts.folder, shardName(shard)));
    }
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (failed) throw failed.reason;
    this.writing = { main: false, audit: false, shards: [] };
  }

  private assertUsable(): void {
    if (this.broken) throw this.broken;
    if (this.closed) throw new StoreUnavailableError(`The store for ${this.file} has been closed.`);
  }

  /**
   * A failed write leaves each file as it was or as it was meant to be (each replacement is atomic) but the memory
   * ahead of it. Reading the files it touched (and those changed since) back synchronously puts memory in line
   * before any other request can see or build on the lost changes.
   */
  private rollBack(error: unknown): void {
    this.lastWriteError = error instanceof Error ? error : new Error(String(error));
    const main = this.writing.main || this.mainChanged;
    const audit = this.writing.audit || this.auditChanged;
    const shards = new Set([...this.writing.shards, ...this.attempts.pendingShards()]);
    this.writing = { main: false, audit: false, shards: [] };
    this.mainChanged = false;
    this.auditChanged = false;
    try {
      const events = audit
        ? checkAuditFile(JSON.parse(readFileSync(this.auditFile.file, "utf8"))).audit
        : this.low.data.audit;
      if (main) this.low.data = checkData(JSON.parse(readFileSync(this.file, "utf8")));
      this.low.data.audit = events;
      this.attempts.reloadSync(shards, (file) => {
        try {
          return checkShard(JSON.parse(readFileSync(file, "utf8")));
        } catch (readError) {
          if ((readError as NodeJS.ErrnoException).code === "ENOENT") return null;
          throw readError;
        }
      });
    } catch (reloadError) {
      this.broken = new StoreUnavailableError(
        `Webside could not write ${this.file} or its attempts (${this.lastWriteError.message}) and could not read them back (${
          reloadError instanceof Error ? reloadError.message : String(reloadError)
        }). Restart Webside once the disk problem is fixed.`,
      );
    }
  }
}
