// A real Webside server on 127.0.0.1 for the security suite: the Express app with Remix routes compiled by Vite from
// the sources (no prior `npm run build` needed), a fresh lowdb store in a temp folder, and plain HTTP to talk to it.
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { createServer as createViteServer, type ViteDevServer } from "vite";
import { createApp } from "~/http/create-app.server";
import { createLowdbStore } from "~/storage/lowdb.server";
import type { Store } from "~/storage/types";
import type { AppConfig } from "~/utils/env.server";

const ROOT = path.resolve(import.meta.dirname, "../../..");

let vite: ViteDevServer | undefined;

/** One Vite instance per test file compiles the routes on first use, as `npm run dev` does. */
async function serverBuild(): Promise<() => Promise<ServerBuild>> {
  vite ??= await createViteServer({
    root: ROOT,
    configFile: path.join(ROOT, "vite.config.ts"),
    logLevel: "error",
    appType: "custom",
    server: { middlewareMode: true, hmr: false, watch: null },
  });
  const dev = vite;
  return () => dev.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
}

export interface AppServer {
  url: string;
  origin: string;
  store: Store;
  config: AppConfig;
  close(): Promise<void>;
}

export function testConfig(dir: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    nodeEnv: "test",
    isProduction: false,
    port: 0,
    host: "127.0.0.1",
    dataFile: path.join(dir, "webside.json"),
    databaseUrl: undefined,
    databasePoolSize: 1,
    sessionSecrets: ["security-suite-secret-that-is-long-enough-0000"],
    backups: 2,
    trustProxy: false,
    ...overrides,
  };
}

export async function startAppServer(
  options: { config?: Partial<AppConfig>; store?: Store; refusalFlushMs?: number } = {},
): Promise<AppServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "webside-security-"));
  const config = testConfig(dir, options.config);
  const store = options.store ?? (await createLowdbStore({ file: config.dataFile, backups: 2 }));
  const build = await serverBuild();
  const app = createApp({ config, store, build, root: ROOT, refusalFlushMs: options.refusalFlushMs });
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  // The first request compiles every route module; do it here, outside any test's timing.
  await fetch(`${url}/login`);
  return {
    url,
    origin: url,
    store,
    config,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.store) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function stopVite(): Promise<void> {
  await vite?.close();
  vite = undefined;
}
