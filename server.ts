// Webside's server entry: read the configuration, open (and lock) the store, seed the demo outside production, serve.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { createApp } from "./app/http/create-app.server";
import { demoBanner, seedDemo } from "./app/services/demo-organisation.server";
import { startLiveHousekeeping } from "./app/services/live/housekeeping.server";
import { startXapiPusher } from "./app/services/xapi-pusher.server";
import { openStore } from "./app/storage/index.server";
import type { Store } from "./app/storage/types";
import { loadConfig } from "./app/utils/env.server";

const root = path.dirname(fileURLToPath(import.meta.url));
const dev = process.argv.includes("--dev");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

let store: Store;
try {
  store = await openStore({
    dataFile: path.resolve(root, config.dataFile),
    databaseUrl: config.databaseUrl,
    backups: config.backups,
    poolSize: config.databasePoolSize,
    schema: config.databaseSchema,
  });
} catch (error) {
  fail(`Webside cannot start: ${error instanceof Error ? error.message : String(error)}`);
}

if (!config.isProduction) {
  const seeded = await seedDemo(store);
  if (seeded || (await store.getUserByEmail("admin@example.org"))) console.log(demoBanner());
} else if ((await store.countUsers()) === 0) {
  console.log(
    'No accounts yet. Create the first admin with: npx webside create-admin --email you@your-trust.nhs.uk --org "Your Trust"',
  );
}

let build: ServerBuild | (() => Promise<ServerBuild>);
let devMiddleware;
if (dev) {
  const vite = await import("vite").then((v) => v.createServer({ server: { middlewareMode: true } }));
  devMiddleware = vite.middlewares;
  build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
} else {
  const buildFile = path.join(root, "build/server/index.js");
  if (!existsSync(buildFile))
    fail("Webside has not been built yet: run `npm run build` (or `npm start`, which builds when needed).");
  build = (await import(pathToFileURL(buildFile).href)) as ServerBuild;
}

const app = createApp({ config, store, build, devMiddleware, root });
// Sends queued xAPI statements to organisations' LRSs in the background; a slow LRS never holds up a request.
const xapiPusher = startXapiPusher({
  store,
  production: config.isProduction,
  allowPrivate: config.lrsAllowPrivate ?? false,
});
// Expires abandoned live sessions and deletes relayed signals after two minutes (ADR 0054).
const liveHousekeeping = startLiveHousekeeping({
  store,
  config,
  nonce: "",
  clientIp: "housekeeping",
  now: () => new Date(),
});
const server = app.listen(config.port, config.host, () => {
  const where = config.databaseUrl ? "PostgreSQL" : path.resolve(root, config.dataFile);
  console.log(`Webside is listening on http://localhost:${config.port} (store: ${where})`);
});
server.on("error", (error) => fail(`Webside cannot listen on port ${config.port}: ${error.message}`));

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing Webside`);
  server.close();
  server.closeAllConnections?.();
  await xapiPusher.stop().catch(() => undefined);
  liveHousekeeping.stop();
  await store.close().catch(() => undefined);
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
