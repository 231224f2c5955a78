// Rotating backups of the whole data set in <dir>/backups/: one folder per backup, `<stem>.<time>/`, holding a copy
// of the main file, of every attempts shard and a manifest.json listing them. A backup is taken between two writes
// (inside the write queue), so its files are one consistent moment. It is built in a temp folder and renamed into
// place, so a crash never leaves a half backup that looks whole. Files are real copies of the live files (never
// links to them), so damage done in place to a data file cannot reach them; a shard unchanged since the previous
// backup is a hard link to that backup's own copy, which keeps a backup of 100,000 attempts cheap. The manifest keeps
// each live file's stamp (size, inode, modification time), so the first backup after a restart links what has not
// changed since the newest backup too, instead of copying the whole history at every start.
import path from "node:path";
import { syncDirectory, syncFile, tempPathFor } from "./atomic-write.server";
import { errorCode, forEachPooled, listFolder, type DurableFs } from "./file-system.server";

export interface BackupOptions {
  /** The main data file being protected; its folder holds the rest of the data set. */
  file: string;
  /** How many backups to keep; 0 turns backups off. */
  keep: number;
  /** At most one backup per this many milliseconds while the store is busy. */
  intervalMs: number;
  now: () => Date;
  fs: DurableFs;
}

export interface BackupManifest {
  backupFormat: 1;
  takenAt: string;
  /**
   * Paths relative to the data file's folder (and to the backup folder), with their sizes in bytes and the live
   * file's stamp when it was backed up (DurableFs.stamp; absent in backups made before stamps were kept).
   */
  files: Array<{ path: string; bytes: number; stamp?: string }>;
}

export const MANIFEST = "manifest.json";

/** Files backed up at once (each is a stat and a link or a copy: disk round trips that overlap well). */
const BACKUP_CONCURRENCY = 8;

// Colons and dots in the ISO time become dashes: colons are illegal in Windows file names and awkward in scp.
const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/;

function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

function timeOfStamp(stamp: string): number | null {
  const m = STAMP.exec(stamp);
  return m ? Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

export class BackupRotation {
  readonly dir: string;
  /** The last backup that could not be made, shown by health(); writes go on regardless, since they are atomic. */
  lastError: Error | null = null;
  private readonly stem: string;
  private readonly ext: string;
  private readonly home: string;
  private lastBackupAt: number | null = null;
  /** The backup this process made last, and the files written since, so unchanged ones can be linked. */
  private previous: string | null = null;
  private changed = new Set<string>();

  constructor(private readonly options: BackupOptions) {
    this.home = path.dirname(options.file);
    this.dir = path.join(this.home, "backups");
    this.ext = path.extname(options.file) || ".json";
    this.stem = path.basename(options.file, path.extname(options.file));
  }

  /**
   * Backups of this data set, oldest first (the time stamp in the name sorts chronologically): backup folders, and
   * single-file backups made before attempts were split into shards (`<stem>.<time>.json`).
   */
  async list(): Promise<string[]> {
    const names = await listFolder(this.options.fs, this.dir);
    return names
      .filter((name) => this.stampIn(name) !== null)
      .sort((a, b) => this.stampIn(a)! - this.stampIn(b)! || a.localeCompare(b))
      .map((name) => path.join(this.dir, name));
  }

  async newest(): Promise<string | null> {
    const all = await this.list().catch(() => []);
    return all.at(-1) ?? null;
  }

  /** The newest backup's copy of one live file (the main file or a shard), or null if no backup holds it. */
  async newestCopyOf(live: string): Promise<string | null> {
    const relative = path.relative(this.home, live);
    const all = await this.list().catch(() => []);
    for (const backup of all.reverse()) {
      if (backup.endsWith(this.ext)) {
        if (relative === path.basename(this.options.file)) return backup;
        continue;
      }
      const copy = path.join(backup, relative);
      try {
        await this.options.fs.size(path.join(backup, MANIFEST));
        await this.options.fs.size(copy);
        return copy;
      } catch {
        // Not in this backup (a shard created since): look further back.
      }
    }
    return null;
  }

  /** Copies or links one live file into the backup under way; null when the file has gone (nothing to back up). */
  private async backUpFile(
    live: string,
    temp: string,
    earlier: { folder: string; stamps: Map<string, string> } | null,
  ): Promise<BackupManifest["files"][number] | null> {
    const { fs } = this.options;
    const relative = path.relative(this.home, live);
    const copy = path.join(temp, relative);
    const stamp = await fs.stamp(live).catch((error: unknown) => {
      if (errorCode(error) === "ENOENT") return undefined;
      throw error;
    });
    const source = this.linkSource(relative, stamp, earlier);
    const linked = source !== null;
    try {
      if (linked) await fs.link(path.join(source, relative), copy);
      else await fs.copyFile(live, copy);
    } catch (error) {
      if (errorCode(error) !== "ENOENT") throw error;
      try {
        // The previous backup lacks it (or it was pruned): copy the live file instead.
        if (linked) await fs.copyFile(live, copy);
        else return null;
      } catch (again) {
        if (errorCode(again) === "ENOENT") return null;
        throw again;
      }
    }
    if (!linked) await syncFile(copy, fs);
    // A link has the live file's size (its stamp says so); a copy is measured.
    const bytes = linked && stamp ? Number(stamp.split(":")[0]) : await fs.size(copy);
    return { path: relative, bytes, ...(stamp ? { stamp } : {}) };
  }

  /**
   * The backup whose copy of a file can be linked rather than copied: this process's previous backup if the file was
   * not written since, or else (after a restart) the newest backup if its manifest has the file's current stamp.
   */
  private linkSource(
    relative: string,
    stamp: string | undefined,
    earlier: { folder: string; stamps: Map<string, string> } | null,
  ): string | null {
    if (this.previous !== null) return this.changed.has(relative) ? null : this.previous;
    if (earlier && stamp !== undefined && earlier.stamps.get(relative) === stamp) return earlier.folder;
    return null;
  }

  /** The newest backup folder's manifest stamps by path, or null if there is none (or it cannot be read). */
  private async newestStamps(): Promise<{ folder: string; stamps: Map<string, string> } | null> {
    const folder = await this.newest();
    if (!folder || folder.endsWith(this.ext)) return null;
    try {
      const manifest = JSON.parse(
        (await this.options.fs.readFile(path.join(folder, MANIFEST))).toString("utf8"),
      ) as BackupManifest;
      const stamps = new Map<string, string>();
      for (const f of manifest.files) if (typeof f.stamp === "string") stamps.set(f.path, f.stamp);
      return { folder, stamps };
    } catch {
      // An unreadable manifest only means copying everything, as before stamps were kept.
      return null;
    }
  }

  /** Tells the rotation a live file was replaced, so the next backup copies it rather than linking the old copy. */
  noteWritten(live: string): void {
    this.changed.add(path.relative(this.home, live));
  }

  /**
   * Copies the data set as it is now: `files` are the live files (absolute paths) that make it up. Returns the backup
   * folder, or null when backups are off. Must not run while a write is in progress.
   */
  async backupNow(files: string[]): Promise<string | null> {
    if (this.options.keep <= 0) return null;
    const { fs } = this.options;
    const at = this.options.now();
    const target = path.join(this.dir, `${this.stem}.${stampOf(at)}`);
    await fs.mkdir(this.dir);
    const temp = tempPathFor(target);
    const manifest: BackupManifest = { backupFormat: 1, takenAt: at.toISOString(), files: [] };
    const folders = new Set<string>();
    // After a restart this process has no previous backup of its own; the newest one on disk stands in for it, for
    // the files whose stamp shows they are exactly as that backup copied them.
    const earlier = this.previous === null ? await this.newestStamps() : null;
    try {
      await fs.mkdir(temp);
      for (const live of files) folders.add(path.dirname(path.join(temp, path.relative(this.home, live))));
      for (const folder of folders) await fs.mkdir(folder);
      const entries: Array<BackupManifest["files"][number] | null> = [];
      // A few files at a time: at start a backup of a large history is mostly links and stats, each a disk round trip.
      await forEachPooled([...files.keys()], BACKUP_CONCURRENCY, async (i) => {
        entries[i] = await this.backUpFile(files[i]!, temp, earlier);
      });
      manifest.files = entries.filter((e): e is BackupManifest["files"][number] => e !== null && e !== undefined);
      const handle = await fs.open(path.join(temp, MANIFEST), "wx");
      try {
        await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      for (const folder of folders) await syncDirectory(folder, fs);
      await syncDirectory(temp, fs);
      await fs.rename(temp, target);
    } catch (error) {
      await fs.removeTree(temp).catch(() => undefined);
      throw error;
    }
    await syncDirectory(this.dir, fs);
    this.lastBackupAt = at.getTime();
    this.previous = target;
    this.changed = new Set();
    await this.prune();
    return target;
  }

  /** Called before data files are replaced; backs up only if the last backup is older than the interval. */
  async backupIfDue(files: () => string[]): Promise<string | null> {
    if (this.options.keep <= 0) return null;
    try {
      if (this.lastBackupAt === null) {
        const newest = await this.newest();
        this.lastBackupAt = newest ? this.stampIn(path.basename(newest)) : null;
      }
      const now = this.options.now().getTime();
      const due =
        this.lastBackupAt === null || now - this.lastBackupAt >= this.options.intervalMs || now < this.lastBackupAt;
      if (!due) return null;
      const made = await this.backupNow(files());
      this.lastError = null;
      return made;
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
      return null;
    }
  }

  /** Removes half-made backups a crash left in the backups folder. Only safe while holding the file's lock. */
  async removeStaleTempFiles(): Promise<string[]> {
    const names = await listFolder(this.options.fs, this.dir);
    const removed: string[] = [];
    for (const name of names) {
      const m = /^\.(.+)\.\d+\.[0-9a-f]+\.tmp$/.exec(name);
      if (!m?.[1] || this.stampIn(m[1]) === null) continue;
      await this.options.fs.removeTree(path.join(this.dir, name)).catch(() => undefined);
      removed.push(path.join(this.dir, name));
    }
    return removed;
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    for (const old of all.slice(0, Math.max(0, all.length - this.options.keep))) {
      if (old === this.previous) continue;
      await this.options.fs.removeTree(old);
    }
  }

  /** The time in a backup's name, or null if the name is not one of this data set's backups. */
  private stampIn(name: string): number | null {
    const prefix = `${this.stem}.`;
    if (!name.startsWith(prefix)) return null;
    const rest = name.slice(prefix.length);
    return timeOfStamp(rest.endsWith(this.ext) ? rest.slice(0, rest.length - this.ext.length) : rest);
  }
}
