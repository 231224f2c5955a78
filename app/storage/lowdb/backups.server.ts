// Rotating backups of the whole data set in <dir>/backups/: one folder per backup, `<stem>.<time>/`, holding a copy
// of the main file, of every attempts shard and a manifest.json listing them. A backup is taken between two writes
// (inside the write queue), so its files are one consistent moment. It is built in a temp folder and renamed into
// place, so a crash never leaves a half backup that looks whole. Files are real copies of the live files (never
// links to them), so damage done in place to a data file cannot reach them; a shard unchanged since the previous
// backup is a hard link to that backup's own copy, which keeps a backup of 100,000 attempts cheap.
import path from "node:path";
import { syncDirectory, syncFile, tempPathFor } from "./atomic-write.server";
import { errorCode, listFolder, type DurableFs } from "./file-system.server";

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
  /** Paths relative to the data file's folder (and to the backup folder), with their sizes in bytes. */
  files: Array<{ path: string; bytes: number }>;
}

export const MANIFEST = "manifest.json";

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
    try {
      await fs.mkdir(temp);
      for (const live of files) {
        const relative = path.relative(this.home, live);
        const copy = path.join(temp, relative);
        if (!folders.has(path.dirname(copy))) {
          await fs.mkdir(path.dirname(copy));
          folders.add(path.dirname(copy));
        }
        const linked = this.previous !== null && !this.changed.has(relative);
        try {
          if (linked) await fs.link(path.join(this.previous!, relative), copy);
          else await fs.copyFile(live, copy);
        } catch (error) {
          if (errorCode(error) !== "ENOENT") throw error;
          try {
            // The previous backup lacks it (or it was pruned): copy the live file instead.
            if (linked) await fs.copyFile(live, copy);
            else continue;
          } catch (again) {
            if (errorCode(again) === "ENOENT") continue;
            throw again;
          }
        }
        if (!linked) await syncFile(copy, fs);
        manifest.files.push({ path: relative, bytes: await fs.size(copy) });
      }
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
