// `npm run test:e2e`: make sure the build is current, then run the Playwright suites in Debian's Chromium.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfStale, root } from "./build-if-stale.js";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}
/** A free port on loopback, so several runs (or a developer's own server) never collide. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

buildIfStale();
// Chosen once here so Playwright's runner and its workers agree on the server's port and data folder.
const port = process.env.E2E_PORT ?? String(await freePort());
// The app sends invitation emails to SMTP_URL on this port; the email spec listens there (ADR 0056).
const smtpPort = process.env.E2E_SMTP_PORT ?? String(await freePort());
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "webside-e2e-"));
// Two organisations before the server starts, so isolation between them can be tested through the browser.
const prepared = spawnSync(
  process.execPath,
  ["--import", "tsx", path.join(root, "tests/e2e/support/prepare-store.ts")],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "test", DATA_FILE: path.join(dataDir, "webside.json") },
  },
);
if (prepared.status !== 0) process.exit(prepared.status ?? 1);
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/@playwright/test/cli.js"), "test", ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, CHROMIUM_PATH: chromium, E2E_PORT: port, E2E_DATA_DIR: dataDir, E2E_SMTP_PORT: smtpPort },
  },
);
process.exit(result.status ?? 1);
