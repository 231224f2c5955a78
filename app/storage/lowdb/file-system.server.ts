// The few file operations the durable lowdb file needs, behind one seam so tests can record their order or make them fail.
import { constants } from "node:fs";
import * as fs from "node:fs/promises";

/** What is done with an open file: write it whole, flush it to the disk, close it. */
export interface DurableFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface DurableFs {
  /** `flags` is "wx" for a new temp file (fails if it exists) or "r" to open a file or directory for fsync. */
  open(path: string, flags: "wx" | "r"): Promise<DurableFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  /** Copies bytes without following the copy by an fsync (callers sync the copy themselves). Fails if `to` exists. */
  copyFile(from: string, to: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  mkdir(dir: string): Promise<void>;
  /** A hard link (backups link a shard unchanged since the previous backup to that backup's copy). */
  link(from: string, to: string): Promise<void>;
  /** Deletes a folder and everything in it (old backups, a crashed backup's temp folder); missing is fine. */
  removeTree(dir: string): Promise<void>;
  /** A file's size in bytes. */
  size(path: string): Promise<number>;
  /**
   * Size, inode and modification time to the nanosecond, as one string: it changes whenever the file is replaced
   * (a new inode) or written in place (a new time), so a backup can tell a file is exactly as it last copied it.
   */
  stamp(path: string): Promise<string>;
}

export const nodeFs: DurableFs = {
  open: (path, flags) => fs.open(path, flags, 0o600),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  readFile: (path) => fs.readFile(path),
  copyFile: (from, to) => fs.copyFile(from, to, constants.COPYFILE_EXCL),
  readdir: (dir) => fs.readdir(dir),
  mkdir: async (dir) => {
    await fs.mkdir(dir, { recursive: true });
  },
  link: (from, to) => fs.link(from, to),
  removeTree: (dir) => fs.rm(dir, { recursive: true, force: true }),
  size: async (path) => (await fs.stat(path)).size,
  stamp: async (path) => {
    const s = await fs.stat(path, { bigint: true });
    return `${s.size}:${s.ino}:${s.mtimeNs}`;
  },
};

export function errorCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;
}

/** A folder's entries; a folder that does not exist yet has none. */
export async function listFolder(fs: DurableFs, dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (errorCode(error) === "ENOENT") return [];
    throw error;
  }
}

/**
 * Runs `work` on every item with at most `limit` in flight, so many small files are read or written while the disk
 * works on others. After a failure no further item starts, every item in flight settles, and the failure of the
 * earliest item in `items` is thrown, so the same damage is always reported the same way.
 */
export async function forEachPooled<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const failures = new Map<number, unknown>();
  let next = 0;
  const worker = async () => {
    while (next < items.length && failures.size === 0) {
      const index = next++;
      try {
        await work(items[index]!);
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
}
