// Attempts live outside the main data file, in small lowdb shard files chosen by a hash of the attempt id, so a choice
// rewrites one shard instead of everything (ADR 0036). The number of shards starts at 1,024 and doubles at a start
// when the history has outgrown it, so what a choice writes stays small at any size. In memory attempts are held by id
// with indexes by person, organisation and scenario, built once at open and kept up to date by each change, so no
// request scans every attempt.
import path from "node:path";
import type { Attempt } from "../types";
import type { BackupRotation } from "./backups.server";
import { syncDirectory } from "./atomic-write.server";
import { DurableJsonFile } from "./durable-json-file.server";
import { forEachPooled, listFolder, type DurableFs } from "./file-system.server";
import {
  BASE_SHARD_COUNT,
  checkShard,
  isShardName,
  mergeShardFiles,
  SHARD_FORMAT,
  shardCountFor,
  shardName,
  shardOf,
  type ShardEntry,
  type ShardFile,
} from "./shard-layout.server";

/** `<folder>/<stem>.attempts/` beside the main data file. */
export function shardFolderFor(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.attempts`);
}

/** How many shard files a re-spread writes at once (fsync dominates; more in flight lets the disk batch them). */
const SPREAD_CONCURRENCY = 32;
/** How many shard files are read at once at open. */
const READ_CONCURRENCY = 8;

function keyOf(userId: string, orgId: string): string {
  return `${userId}\u0000${orgId}`;
}

function addTo<K>(index: Map<K, Set<string>>, key: K, id: string): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

export class AttemptShards {
  readonly folder: string;
  private readonly byId = new Map<string, ShardEntry>();
  private readonly byPerson = new Map<string, Set<string>>();
  private readonly byOrg = new Map<string, Set<string>>();
  private readonly byScenario = new Map<string, Set<string>>();
  private byShard = new Map<number, Set<string>>();
  private readonly files = new Map<number, DurableJsonFile<ShardFile>>();
  /** Shards changed in memory and not yet handed to a write. */
  private dirty = new Set<number>();
  /** Shards that have a file. */
  private readonly onDisk = new Set<number>();
  private nextSeq = 1;
  /** The layout: how many shard files attempts are spread over. */
  private count = BASE_SHARD_COUNT;

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

  get shardCount(): number {
    return this.count;
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

  /**
   * Reads every shard file present. Throws (naming the shard and its backup) if one cannot be understood. Resolves
   * true when the files must be re-spread (spread) before any write: they hold more than `fill` attempts per shard on
   * average, or they are not all of one layout (a re-spread cut short).
   */
  async load(fill?: number): Promise<boolean> {
    await this.fs.mkdir(this.folder);
    const names = (await listFolder(this.fs, this.folder)).filter(isShardName);
    const read: Array<ShardFile | null> = [];
    // Read a few at a time so parsing one overlaps reading the next; kept in name order.
    await forEachPooled([...names.keys()], READ_CONCURRENCY, async (i) => {
      const shard = Number(names[i]!.slice(0, -".json".length));
      const file = await this.adapter(shard).read();
      // The name, not the content, says which file it is (a file copied over another keeps its old `shard`).
      read[i] = file ? { ...file, shard } : null;
      this.onDisk.add(shard);
    });
    const files = read.filter((f): f is ShardFile => f !== null && f !== undefined);
    const { entries, count, settled } = mergeShardFiles(files);
    this.count = count;
    for (const entry of entries) this.index(entry);
    return !settled || shardCountFor(this.size, fill) > this.count;
  }

  /**
   * Rewrites every shard file for a layout of `count` shards (the count only grows). Runs at open, before any write
   * is served. An attempt only ever moves to a higher-numbered file (shardOf), and the files are written from the
   * highest band of numbers down, so every attempt is on disk in its new file before its old file is overwritten: a
   * crash at any point leaves each attempt in at least one file, and the next open (mergeShardFiles) spreads again.
   */
  async spread(count: number): Promise<void> {
    const from = this.count;
    this.count = Math.max(count, from);
    this.byShard = new Map();
    for (const id of this.byId.keys()) addTo(this.byShard, shardOf(id, this.count), id);
    const shards = new Set([...this.byShard.keys(), ...this.onDisk]);
    // Bands [0, 1024), [1024, 2048), [2048, 4096)...: all of a band's files are written before the band below.
    const band = (shard: number) =>
      shard < BASE_SHARD_COUNT ? 0 : Math.floor(Math.log2(shard / BASE_SHARD_COUNT)) + 1;
    const bands = new Map<number, number[]>();
    for (const shard of shards) {
      const list = bands.get(band(shard)) ?? [];
      list.push(shard);
      bands.set(band(shard), list);
    }
    for (const level of [...bands.keys()].sort((a, b) => b - a)) {
      await forEachPooled(bands.get(level)!, SPREAD_CONCURRENCY, async (shard) => {
        if (shard >= this.count) {
          // Only a file that never belonged to any layout can be here; nothing of it was kept (mergeShardFiles).
          await this.fs.unlink(path.join(this.folder, shardName(shard)));
          this.onDisk.delete(shard);
          return;
        }
        await this.adapter(shard).write(this.fileFor(shard), { syncFolder: false });
        this.onDisk.add(shard);
      });
      // One folder sync for the band (not one per file): its renames are on disk before the band below is rewritten.
      await syncDirectory(this.folder, this.fs);
    }
    this.dirty = new Set();
  }

  /**
   * Re-reads some shards after a failed write, dropping what memory had that the disk does not. Synchronous (`read`
   * returns a shard's parsed file, or null if it has none), so no request runs in between.
   */
  reloadSync(shards: Iterable<number>, read: (file: string) => ShardFile | null): void {
    const entries: ShardEntry[] = [];
    for (const shard of shards) {
      for (const id of [...(this.byShard.get(shard) ?? [])]) {
        const entry = this.byId.get(id);
        if (entry) this.unindex(entry.attempt);
      }
      const found = read(path.join(this.folder, shardName(shard)));
      // The file may belong to a layout being left behind only during a spread, before any write; here it is current.
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
    this.dirty.add(shardOf(attempt.id, this.count));
  }

  /** Marks an attempt changed in place (its owner, organisation and scenario never change). */
  touch(id: string): void {
    this.dirty.add(shardOf(id, this.count));
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
    return taken.map((shard) => ({ shard, data: this.fileFor(shard) }));
  }

  private fileFor(shard: number): ShardFile {
    return { shardFormat: SHARD_FORMAT, shard, of: this.count, attempts: this.entries(this.byShard.get(shard)) };
  }

  /** Shards with changes not yet written (a failed write puts its shards back here before the reload). */
  pendingShards(): number[] {
    return [...this.dirty];
  }

  private pick(ids: Set<string> | undefined): Attempt[] {
    return this.entries(ids).map((e) => e.attempt);
  }

  /** In creation order (a reload after a failed write can leave an index's own order out of step). */
  private entries(ids: Set<string> | undefined): ShardEntry[] {
    if (!ids) return [];
    const out: ShardEntry[] = [];
    for (const id of ids) {
      const entry = this.byId.get(id);
      if (entry) out.push(entry);
    }
    return out.sort((a, b) => a.seq - b.seq);
  }

  private index(entry: ShardEntry): void {
    const a = entry.attempt;
    this.byId.set(a.id, entry);
    addTo(this.byPerson, keyOf(a.userId, a.orgId), a.id);
    addTo(this.byOrg, a.orgId, a.id);
    addTo(this.byScenario, a.scenarioId, a.id);
    addTo(this.byShard, shardOf(a.id, this.count), a.id);
    if (entry.seq >= this.nextSeq) this.nextSeq = entry.seq + 1;
  }

  private unindex(a: Attempt): void {
    this.byId.delete(a.id);
    this.byPerson.get(keyOf(a.userId, a.orgId))?.delete(a.id);
    this.byOrg.get(a.orgId)?.delete(a.id);
    this.byScenario.get(a.scenarioId)?.delete(a.id);
    this.byShard.get(shardOf(a.id, this.count))?.delete(a.id);
  }
}
