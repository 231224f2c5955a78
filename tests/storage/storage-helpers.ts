// Helpers for the lowdb durability tests: temporary folders, a file system that records and can stall or fail
// operations, a child process that opens a store, and a controllable clock.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach } from "vitest";
import { nodeFs, type DurableFs } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";

const made: string[] = [];

/** A fresh folder removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "webside-storage-"));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

export type FsOp =
  | "open"
  | "write"
  | "sync"
  | "close"
  | "rename"
  | "unlink"
  | "readFile"
  | "copyFile"
  | "readdir"
  | "mkdir"
  | "link"
  | "removeTree";

/**
 * Wraps the real file system. `label` names each path in the log (e.g. "temp", "file", "dir"); `before` runs
 * before each operation and may wait (to hold a write mid-way) or throw (to make it fail).
 */
export function recordingFs(options: {
  log: string[];
  label: (file: string) => string;
  before?: (op: FsOp, file: string) => void | Promise<void>;
}): DurableFs {
  const { log, label } = options;
  const step = async (op: FsOp, file: string, extra = "") => {
    await options.before?.(op, file);
    log.push(`${op} ${label(file)}${extra}`);
  };
  return {
    async open(file, flags) {
      await step("open", file, ` ${flags}`);
      const handle = await nodeFs.open(file, flags);
      return {
        writeFile: async (data) => {
          await step("write", file);
          await handle.writeFile(data);
        },
        sync: async () => {
          await step("sync", file);
          await handle.sync();
        },
        close: async () => {
          await step("close", file);
          await handle.close();
        },
      };
    },
    rename: async (from, to) => {
      await step("rename", from, ` -> ${label(to)}`);
      await nodeFs.rename(from, to);
    },
    unlink: async (file) => {
      await step("unlink", file);
      await nodeFs.unlink(file);
    },
    readFile: async (file) => {
      await step("readFile", file);
      return nodeFs.readFile(file);
    },
    copyFile: async (from, to) => {
      await step("copyFile", from, ` -> ${label(to)}`);
      await nodeFs.copyFile(from, to);
    },
    readdir: async (dir) => {
      await step("readdir", dir);
      return nodeFs.readdir(dir);
    },
    mkdir: async (dir) => {
      await step("mkdir", dir);
      await nodeFs.mkdir(dir);
    },
    link: async (from, to) => {
      await step("link", from, ` -> ${label(to)}`);
      await nodeFs.link(from, to);
    },
    removeTree: async (dir) => {
      await step("removeTree", dir);
      await nodeFs.removeTree(dir);
    },
    size: (file) => nodeFs.size(file),
    stamp: (file) => nodeFs.stamp(file),
  };
}

/** Labels for a data file's paths: the file, its temp files, its folder, the backups folder and backups. */
export function labelFor(file: string): (p: string) => string {
  const dir = path.dirname(file);
  return (p) => {
    if (p === file) return "file";
    if (p === dir) return "dir";
    if (p === path.join(dir, "backups")) return "backups-dir";
    if (path.dirname(p) === dir && p.endsWith(".tmp")) return "temp";
    if (path.dirname(p) === path.join(dir, "backups")) return p.endsWith(".tmp") ? "backup-temp" : "backup";
    return path.basename(p);
  };
}

/** A promise with its resolve exposed, for holding an operation until the test lets it go. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A clock the test moves by hand. */
export function manualClock(start = "2030-01-15T09:00:00.000Z") {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

export async function tempFilesIn(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.endsWith(".tmp"));
}

const childScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", "open-store.ts");

export interface ChildResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  wallMs: number;
}

/** Runs fixtures/open-store.ts in a separate Node process: `mode` is "try" (open and close), "exit" (open, write, exit without closing) or "hold". */
export function openInChild(file: string, mode: "try" | "exit" | "hold") {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", childScript, file, mode], {
    cwd: path.resolve(path.dirname(childScript), "../../.."),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<ChildResult>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr, wallMs: Date.now() - started }));
  });
  /** Resolves once the child says it holds the store; rejects if it exits first. */
  const opened = () =>
    new Promise<void>((resolve, reject) => {
      if (stdout.includes("opened")) return resolve();
      child.stdout.on("data", () => {
        if (stdout.includes("opened")) resolve();
      });
      void exited.then((r) => reject(new Error(`The child exited before opening the store: ${r.stderr || r.stdout}`)));
    });
  return { child, exited, opened };
}

/** An organisation, one clinician and `count` attempts over three scenarios, in creation order. */
export async function seedAttempts(store: Store, count: number) {
  const org = await store.createOrganisation({ name: "Northgate Trust" });
  const user = await store.createUser({ email: "asha@example.org", name: "Asha", passwordHash: "x" });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const attempt = await store.createAttempt({
      orgId: org.id,
      userId: user.id,
      scenarioId: `scenario-${i % 3}`,
      scenarioVersion: 1,
      mode: "learning",
      snapshot: { nodeId: "start", n: i },
      path: ["start"],
      confidenceBefore: null,
    } as never);
    ids.push(attempt.id);
  }
  return { org, user, ids };
}
