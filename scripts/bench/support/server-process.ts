// Starts the built app as a child process (exactly as `node --import tsx server.ts`), waits until it answers, and
// stops it politely (SIGTERM) or abruptly (kill -9), keeping what it printed for error messages.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIfStale } from "../../build-if-stale.js";
import { httpRequest } from "./http-client";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** Shared by every instance, so a cookie signed by one is accepted by the others. */
export const TEST_SESSION_SECRET = "reliability-and-benchmark-secret-0123456789abcdef";

export interface ServerEnv {
  port: number;
  dataFile: string;
  databaseUrl?: string;
  databaseSchema?: string;
  /** Extra variables (e.g. NODE_ENV, DATABASE_POOL_SIZE). */
  env?: Record<string, string>;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningServer {
  readonly pid: number;
  readonly url: string;
  readonly exited: Promise<Exit>;
  output(): string;
  /** SIGTERM, then waits for the exit (the store closes cleanly). */
  stop(): Promise<Exit>;
  /** SIGKILL: no shutdown code runs, as in a power cut of the process. */
  kill9(): Promise<Exit>;
}

export function spawnServer(options: ServerEnv): { child: ChildProcess; exited: Promise<Exit>; output: () => string } {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    SESSION_SECRET: TEST_SESSION_SECRET,
    HOST: "127.0.0.1",
    PORT: String(options.port),
    DATA_FILE: options.dataFile,
    BACKUPS: "5",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.databaseSchema ? { DATABASE_SCHEMA: options.databaseSchema } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: REPO_ROOT,
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString("utf8")).slice(-20_000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return { child, exited, output: () => text };
}

let built = false;

/**
 * A fresh clone has no build/: benchmarks and the reliability proofs build it first, as `npm start` does, rather than
 * report a server that could not start. Checked once per run; a benchmark calls it before timing any start-up.
 */
export function ensureBuilt() {
  if (built) return;
  buildIfStale();
  built = true;
}

/** Starts a server and resolves once /healthz says ok; rejects (with its output) if it exits or takes too long. */
export async function startServer(options: ServerEnv, timeoutMs = 60_000): Promise<RunningServer> {
  ensureBuilt();
  // In a shared checkout someone may be rebuilding build/ right now; wait for the build rather than fail the run.
  for (let tries = 0; ; tries++) {
    try {
      return await startOnce(options, timeoutMs);
    } catch (error) {
      if (tries >= 60 || !String((error as Error).message).includes("has not been built yet")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
}

async function startOnce(options: ServerEnv, timeoutMs: number): Promise<RunningServer> {
  const { child, exited, output } = spawnServer(options);
  const url = `http://127.0.0.1:${options.port}`;
  let gone: Exit | null = null;
  void exited.then((exit) => (gone = exit));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone)
      throw new Error(
        `The server on port ${options.port} exited (${JSON.stringify(gone)}) before it was ready:\n${output()}`,
      );
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`The server on port ${options.port} was not ready within ${timeoutMs} ms:\n${output()}`);
    }
    const ok = await httpRequest(`${url}/healthz`, { timeoutMs: 2_000 }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const signalAndWait = async (signal: NodeJS.Signals) => {
    if (!gone) child.kill(signal);
    return exited;
  };
  return {
    pid: child.pid!,
    url,
    exited,
    output,
    stop: () => signalAndWait("SIGTERM"),
    kill9: () => signalAndWait("SIGKILL"),
  };
}
