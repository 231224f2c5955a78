// Replacing a file so that a crash at any moment leaves either the old bytes or the new ones, and never reports
// success before the new bytes and the rename that published them are on the disk.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { errorCode, listFolder, type DurableFs } from "./file-system.server";

/** `.<name>.<pid>.<random>.tmp` beside the target: same directory, so the rename is atomic. */
export function tempPathFor(target: string): string {
  const name = path.basename(target);
  return path.join(path.dirname(target), `.${name}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Matches the temp files tempPathFor makes for `name`, whoever's pid made them. */
export function tempFilePattern(name: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(name)}\\.\\d+\\.[0-9a-f]+\\.tmp$`);
}

/** A rename is only durable once the directory entry is flushed too. */
export async function syncDirectory(dir: string, fs: DurableFs): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, "r");
  } catch (error) {
    // Windows cannot open a directory; its renames are journaled by NTFS instead.
    if (process.platform === "win32" && (errorCode(error) === "EISDIR" || errorCode(error) === "EPERM")) return;
    throw error;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes an existing file's bytes to the disk. */
export async function syncFile(file: string, fs: DurableFs): Promise<void> {
  const handle = await fs.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Publishes an already-written temp file: fsync it, rename it over the target, fsync the directory. */
export async function publishTempFile(temp: string, target: string, fs: DurableFs): Promise<void> {
  try {
    await syncFile(temp, fs);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(path.dirname(target), fs);
}

/**
 * write temp -> fsync temp -> rename over target -> fsync directory; resolves only after all four. A caller replacing
 * many files of one folder at once may pass `syncFolder: false` and sync the folder itself once they are all renamed
 * (until then each file is either version, as always, but the rename may not yet have reached the disk).
 */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  fs: DurableFs,
  options: { syncFolder?: boolean } = {},
): Promise<void> {
  const temp = tempPathFor(target);
  const handle = await fs.open(temp, "wx");
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
  } catch (error) {
    // The target is untouched; only our half-written temp file needs to go.
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  if (options.syncFolder !== false) await syncDirectory(path.dirname(target), fs);
}

/** Deletes temp files a crashed writer left behind. Only safe while holding the file's lock. Returns what went. */
export async function removeStaleTempFiles(target: string, fs: DurableFs): Promise<string[]> {
  const dir = path.dirname(target);
  const pattern = tempFilePattern(path.basename(target));
  const names = await listFolder(fs, dir);
  const removed: string[] = [];
  for (const name of names.filter((n) => pattern.test(n))) {
    await fs.unlink(path.join(dir, name)).catch((error: unknown) => {
      if (errorCode(error) !== "ENOENT") throw error;
    });
    removed.push(path.join(dir, name));
  }
  return removed;
}
