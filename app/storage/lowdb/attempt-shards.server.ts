// Attempts live outside the main data file, in SHARD_COUNT small lowdb files chosen by a hash of the attempt id,
// so a choice rewrites one shard (about 1/1024 of the history) instead of everything (ADR 0036). In memory they are
// held by id with indexes by person, organisation and scenario, built once at open and kept up to date by each change,
// so no request scans every attempt.
import path from "node:path";
import type { Attempt } from "../types";
import type { BackupRotation } from "./backups.server";
import { upgradeAttempt } from "./data.server";
import { DurableJsonFile } from "./durable-json-file.server";
import { listFolder, type DurableFs } from "./file-system.server";
import { shareSnapshotText } from "./shared-text.server";

export const SHARD_COUNT = 1024;
/**
 * The shard files' own format version (the main file's is SCHEMA_VERSION). Format 2 names an attempt's concurrency
 * counter `revision`; format 1 called it `step`, and is upgraded as it is read (a shard is rewritten in format 2 the
 * next time one of its attempts changes). A Webside that only knows format 1 refuses a format 2 shard.
 */
export const SHARD_FORMAT = 2;

/** One shard file: attempts with their creation order, which is the order every list returns them in. */
export interface ShardFile {
  shardFormat: number;
  shard: number;
  attempts: Array<{ seq: number; attempt: Attempt }>;
}

/** `<folder>/<stem>.attempts/` beside the main data file. */
export function shardFolderFor(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.attempts`);
}

export function shardName(shard: number): string {
  return `${String(shard).padStart(4, "0")}.json`;
}

/** FNV-1a: stable across versions and platforms, and spreads both UUIDs and migrated ids evenly. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % SHARD_COUNT;
}

export function checkShard(value: unknown): ShardFile {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error("it does not hold a shard of attempts (expected a JSON object at the top level)");
  }
  const record = value as Record<string, unknown>;
  if (typeof record.shardFormat !== "number" || !Number.isInteger(record.shardFormat) || record.shardFormat < 1) {
    throw new Error("it has no valid shardFormat, so it is not a Webside attempts shard");
  }
  if (record.shardFormat > SHARD_FORMAT) {
    throw new Error(
      `it was written by a newer Webside (shard format ${record.shardFormat}; this one understands up to ${SHARD_FORMAT}). Upgrade Webside`,
    );
  }
  if (!Array.isArray(record.attempts)) throw new Error(`its "attempts" field should be a list`);
  for (const [i, entry] of (record.attempts as unknown[]).entries()) {
    const e = entry as { seq?: unknown; attempt?: { id?: unknown } } | null;
    if (!e || typeof e.seq !== "number" || typeof e.attempt?.id !== "string") {
      throw new Error(`its attempt ${i + 1} has no seq number or id`);
    }
    upgradeAttempt(e.attempt as Record<string, unknown>);
    shareSnapshotText(e.attempt as Record<string, unknown>);
  }
  return record as unknown as ShardFile;
}

function keyOf(userId: string, orgId: string): string {
  return `${userId}\u0000${orgId}`;
}

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

export class AttemptShards {
  readonly folder: string;
  private readonly byId = new Map<string, { seq: number; attempt: Attempt }>();
  private readonly byPerson = new Map<string, Set<string>>();
  private readonly byOrg = new Map<string, Set<string>>();
  private readonly byScenario = new Map<string, Set<string>>();
  private readonly byShard = new Map<string, Set<string>>();
  private readonly files = new Map<number, DurableJsonFile<ShardFile>>();
  /** Shards changed in memory and not yet handed to a write. */
  private dirty = new Set<number>();
  /** Shards that have a file. */
  private readonly onDisk = new Set<number>();
  private nextSeq = 1;

  constructor(
    readonly file: string,
    private readonly fs: DurableFs,
    private readonly backups: BackupRotation | undefined,
  ) {
    this.folder = shardFolderFor(file);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The lowdb adapter of one shard; a refusal to read names the newest backup of that very file. */
  adapter(shard: number): DurableJsonFile<ShardFile> {
    let adapter = this.files.get(shard);
    if (!adapter) {
      const target = path.join(this.folder, shardName(shard));
      adapter = new DurableJsonFile<ShardFile>(target, {
        validate: checkShard,
        fs: this.fs,
        newestBackup: () => this.backups?.newestCopyOf(target) ?? Promise.resolve(null),
      });
      this.files.set(shard, adapter);
    }
    return adapter;
  }

  /** Reads every shard file present. Throws (naming the shard and its backup) if one cannot be understood. */
  async load(): Promise<void> {
    await this.fs.mkdir(this.folder);
    const names = (await listFolder(this.fs, this.folder)).filter((n) => /^\d{4}\.json$/.test(n));
    const entries: Array<{ seq: number; attempt: Attempt }> = [];
    for (const name of names) {
      const shard = Number(name.slice(0, 4));
      const read = await this.adapter(shard).read();
      if (read) entries.push(...read.attempts);
      this.onDisk.add(shard);
    }
    entries.sort((a, b) => a.seq - b.seq);
    for (const entry of entries) this.index(entry);
  }

  /**
   * Re-reads some shards after a failed write, dropping what memory had that the disk does not. Synchronous (`read`
   * returns a shard's parsed file, or null if it has none), so no request runs in between.
   */
  reloadSync(shards: Iterable<number>, read: (file: string) => ShardFile | null): void {
    const entries: Array<{ seq: number; attempt: Attempt }> = [];
    for (const shard of shards) {
      for (const id of [...(this.byShard.get(String(shard)) ?? [])]) {
        const entry = this.byId.get(id);
        if (entry) this.unindex(entry.attempt);
      }
      const found = read(path.join(this.folder, shardName(shard)));
      if (found) entries.push(...found.attempts);
      this.dirty.delete(shard);
    }
    entries.sort((a, b) => a.seq - b.seq);
    for (const entry of entries) this.index(entry);
  }

  shardsOnDisk(): number[] {
    return [...this.onDisk].sort((a, b) => a - b);
  }

  markOnDisk(shard: number): void {
    this.onDisk.add(shard);
  }

  get(id: string): Attempt | undefined {
    return this.byId.get(id)?.attempt;
  }

  add(attempt: Attempt): void {
    this.index({ seq: this.nextSeq, attempt });
    this.dirty.add(shardOf(attempt.id));
  }

  /** Marks an attempt changed in place (its owner, organisation and scenario never change). */
  touch(id: string): void {
    this.dirty.add(shardOf(id));
  }

  forPerson(userId: string, orgId: string): Attempt[] {
    return this.pick(this.byPerson.get(keyOf(userId, orgId)));
  }

  forOrg(orgId: string): Attempt[] {
    return this.pick(this.byOrg.get(orgId));
  }

  forScenario(scenarioId: string): Attempt[] {
    return this.pick(this.byScenario.get(scenarioId));
  }

  all(): Attempt[] {
    return [...this.byId.values()].sort((a, b) => a.seq - b.seq).map((e) => e.attempt);
  }

  get hasChanges(): boolean {
    return this.dirty.size > 0;
  }

  /**
   * Takes the changed shards for a write: synchronously, so each shard's contents are one moment of memory.
   * Returns the shard numbers and their file contents.
   */
  takeChanges(): Array<{ shard: number; data: ShardFile }> {
    const taken = [...this.dirty];
    this.dirty = new Set();
    return taken.map((shard) => ({
      shard,
      data: { shardFormat: SHARD_FORMAT, shard, attempts: this.entries(this.byShard.get(String(shard))) },
    }));
  }

  /** Shards with changes not yet written (a failed write puts its shards back here before the reload). */
  pendingShards(): number[] {
    return [...this.dirty];
  }

  private pick(ids: Set<string> | undefined): Attempt[] {
    return this.entries(ids).map((e) => e.attempt);
  }

  /** In creation order (a reload after a failed write can leave an index's own order out of step). */
  private entries(ids: Set<string> | undefined): Array<{ seq: number; attempt: Attempt }> {
    if (!ids) return [];
    const out: Array<{ seq: number; attempt: Attempt }> = [];
    for (const id of ids) {
      const entry = this.byId.get(id);
      if (entry) out.push(entry);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  private index(entry: { seq: number; attempt: Attempt }): void {
    const a = entry.attempt;
    this.byId.set(a.id, entry);
    addTo(this.byPerson, keyOf(a.userId, a.orgId), a.id);
    addTo(this.byOrg, a.orgId, a.id);
    addTo(this.byScenario, a.scenarioId, a.id);
    addTo(this.byShard, String(shardOf(a.id)), a.id);
    if (entry.seq >= this.nextSeq) this.nextSeq = entry.seq + 1;
  }

  private unindex(a: Attempt): void {
    this.byId.delete(a.id);
    this.byPerson.get(keyOf(a.userId, a.orgId))?.delete(a.id);
    this.byOrg.get(a.orgId)?.delete(a.id);
    this.byScenario.get(a.scenarioId)?.delete(a.id);
    this.byShard.get(String(shardOf(a.id)))?.delete(a.id);
  }
}
