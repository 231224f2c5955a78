// Rotating copies of the data file in <dir>/backups/: one at open, then at most one per interval before the file is
// replaced, keeping the newest N. A backup is a real copy (not a hard link), so damage done in place to the data file
// cannot reach it.
import path from "node:path";
import { publishTempFile, tempPathFor } from "./atomic-write.server";
import { errorCode, listFolder, type DurableFs } from "./file-system.server";

export interface BackupOptions {
  /** The data file being protected. */
  file: string;
  /** How many backups to keep; 0 turns backups off. */
  keep: number;
  /** At most one backup per this many milliseconds while the store is busy. */
  intervalMs: number;
  now: () => Date;
  fs: DurableFs;
}

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
  private lastBackupAt: number | null = null;

  constructor(private readonly options: BackupOptions) {
    this.dir = path.join(path.dirname(options.file), "backups");
    this.ext = path.extname(options.file) || ".json";
    this.stem = path.basename(options.file, path.extname(options.file));
  }

  /** Backups of this data file, oldest first (the time stamp in the name sorts chronologically). */
  async list(): Promise<string[]> {
    const names = await listFolder(this.options.fs, this.dir);
    return names
      .filter((name) => this.stampIn(name) !== null)
      .sort()
      .map((name) => path.join(this.dir, name));
  }

  async newest(): Promise<string | null> {
    const all = await this.list().catch(() => []);
    return all.at(-1) ?? null;
  }

  /** Copies the data file as it is now. Returns the backup's path, or null when backups are off or there is no file. */
  async backupNow(): Promise<string | null> {
    if (this.options.keep <= 0) return null;
    const { fs } = this.options;
    const at = this.options.now();
    const target = path.join(this.dir, `${this.stem}.${stampOf(at)}${this.ext}`);
    await fs.mkdir(this.dir);
    const temp = tempPathFor(target);
    try {
      await fs.copyFile(this.options.file, temp);
    } catch (error) {
      if (errorCode(error) === "ENOENT") return null;
      throw error;
    }
    await publishTempFile(temp, target, fs);
    this.lastBackupAt = at.getTime();
    await this.prune();
    return target;
  }

  /** Called before the data file is replaced; copies it only if the last backup is older than the interval. */
  async backupIfDue(): Promise<string | null> {
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
      const made = await this.backupNow();
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
      await this.options.fs.unlink(path.join(this.dir, name)).catch(() => undefined);
      removed.push(path.join(this.dir, name));
    }
    return removed;
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    for (const old of all.slice(0, Math.max(0, all.length - this.options.keep))) {
      await this.options.fs.unlink(old).catch((error: unknown) => {
        if (errorCode(error) !== "ENOENT") throw error;
      });
    }
  }

  /** The time in a backup's file name, or null if the name is not one of this data file's backups. */
  private stampIn(name: string): number | null {
    const prefix = `${this.stem}.`;
    if (!name.startsWith(prefix) || !name.endsWith(this.ext)) return null;
    return timeOfStamp(name.slice(prefix.length, name.length - this.ext.length));
  }
}
