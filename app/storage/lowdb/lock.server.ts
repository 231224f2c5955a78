// The lock file that makes one process the only owner of a lowdb data file: `<file>.lock`, created with O_EXCL,
// holding the owner's pid; a lock whose process is gone is taken over, and it is removed on close and on exit.
import { randomBytes } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import * as fs from "node:fs/promises";
import os from "node:os";
import { StoreUnavailableError } from "../errors";
import { errorCode } from "./file-system.server";

export interface LockHolder {
  pid: number;
  startedAt: string;
  hostname: string;
  /** Tells our lock from one a later owner made, so we never delete someone else's. */
  token: string;
}

export interface StoreLock {
  readonly path: string;
  readonly holder: LockHolder;
  release(): Promise<void>;
}

/** Locks held by this process: a second open in the same process must fail too, though the pid is alive. */
const heldHere = new Set<string>();

/** A lock being written by its owner right now may be empty for a moment; wait this long before calling it stale. */
const FRESH_LOCK_MS = 2000;

export function lockPathFor(file: string): string {
  return `${file}.lock`;
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    return typeof value.pid === "number" && Number.isInteger(value.pid) && value.pid > 0 ? (value as LockHolder) : null;
  } catch {
    return null;
  }
}

/** Signal 0 checks a process exists without touching it; EPERM means it exists but belongs to another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === "EPERM";
  }
}

async function readLock(lockPath: string): Promise<{ text: string; ageMs: number } | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(lockPath, "utf8"), fs.stat(lockPath)]);
    return { text, ageMs: Date.now() - stat.mtimeMs };
  } catch (error) {
    if (errorCode(error) === "ENOENT") return null;
    throw error;
  }
}

function inUse(file: string, lockPath: string, holder: LockHolder): StoreUnavailableError {
  const where = holder.hostname && holder.hostname !== os.hostname() ? ` on ${holder.hostname}` : "";
  return new StoreUnavailableError(
    `The data file ${file} is in use by another Webside process (pid ${holder.pid}${where}). Stop it first, or point DATA_FILE at another file. (If no such process is running, delete ${lockPath}.)`,
  );
}

/** Decides whether an existing lock still has a living owner; throws if so, returns if it may be taken over. */
function checkExisting(file: string, lockPath: string, text: string, ageMs: number): "stale" | "retry" {
  const holder = parseHolder(text);
  if (!holder) return ageMs < FRESH_LOCK_MS ? "retry" : "stale";
  if (holder.hostname && holder.hostname !== os.hostname()) throw inUse(file, lockPath, holder);
  if (holder.pid === process.pid) {
    if (heldHere.has(lockPath)) {
      throw new StoreUnavailableError(
        `The data file ${file} is already open in this process. Close the first store before opening it again.`,
      );
    }
    // Our own pid but not our lock: left by an earlier run that had the same pid (typical after a container restart).
    return "stale";
  }
  if (isProcessAlive(holder.pid)) throw inUse(file, lockPath, holder);
  return "stale";
}

async function tryCreate(lockPath: string, holder: LockHolder): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(lockPath, "wx", 0o600);
  } catch (error) {
    if (errorCode(error) === "EEXIST") return false;
    throw new StoreUnavailableError(
      `Cannot create the lock file ${lockPath}: ${(error as Error).message}. Check that its folder exists and is writable by this user.`,
    );
  }
  try {
    await handle.writeFile(`${JSON.stringify(holder)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

function releaseSync(lockPath: string, token: string): void {
  try {
    if (parseHolder(readFileSync(lockPath, "utf8"))?.token === token) unlinkSync(lockPath);
  } catch {
    // Already gone, or unreadable at exit: the next owner treats a dead pid's lock as stale anyway.
  }
}

/** Takes `<file>.lock` or throws StoreUnavailableError naming the file and the pid that holds it. */
export async function acquireLock(file: string): Promise<StoreLock> {
  const lockPath = lockPathFor(file);
  const holder: LockHolder = {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    hostname: os.hostname(),
    token: randomBytes(12).toString("hex"),
  };
  for (let attempt = 0; ; attempt++) {
    if (await tryCreate(lockPath, holder)) break;
    if (attempt >= 50) {
      throw new StoreUnavailableError(
        `Could not take the lock ${lockPath} for ${file}: it keeps changing. Is another Webside starting on the same file?`,
      );
    }
    const existing = await readLock(lockPath);
    if (!existing) continue;
    const verdict = checkExisting(file, lockPath, existing.text, existing.ageMs);
    if (verdict === "retry") {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    // Remove the stale lock only if it is still the one we judged; another starter may have replaced it meanwhile.
    const again = await readLock(lockPath);
    if (again && again.text === existing.text) await fs.unlink(lockPath).catch(() => undefined);
  }

  heldHere.add(lockPath);
  const onExit = () => releaseSync(lockPath, holder.token);
  process.on("exit", onExit);
  let released = false;
  return {
    path: lockPath,
    holder,
    async release() {
      if (released) return;
      released = true;
      process.off("exit", onExit);
      heldHere.delete(lockPath);
      releaseSync(lockPath, holder.token);
    },
  };
}
