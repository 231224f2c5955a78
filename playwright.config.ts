// End-to-end tests: the built app on a temporary data file, driven in Debian's Chromium (never a downloaded browser).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
// Where the app sends invitation emails; tests/e2e/admin-invite.spec.ts runs a test SMTP server there.
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3225);
// One fresh store per run; the demo organisation is seeded because NODE_ENV is not production.
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), "webside-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "test-results/e2e.json" }]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
  },
  webServer: {
    command: "node --import tsx server.ts",
    url: `http://localhost:${port}/healthz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "test",
      PORT: String(port),
      DATA_FILE: path.join(dataDir, "webside.json"),
      // The LRS connection test talks to a stub LRS the spec starts on 127.0.0.1.
      LRS_ALLOW_PRIVATE: "true",
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      SMTP_FROM: "Webside <webside@demo-trust.example>",
    },
  },
});
