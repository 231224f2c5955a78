// The WebRTC layer's browser checks: pages on a loopback harness (no app server), fake cameras, Debian's Chromium.
// Run with `npx playwright test -c tests/live`.
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../playwright.config";

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    trace: "off",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // Chromium's built-in fake camera (a moving test pattern) and microphone (a regular beep), granted without asking.
      args: [
        ...CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--autoplay-policy=no-user-gesture-required",
      ],
    },
  },
});
