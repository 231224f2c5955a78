// `npm run bench:camera`: the built app in headless Chromium with a 30 fps fake camera, a 60 s practice session with camera
// feedback on. Prints analysed frames per second, per-frame analysis time (median, p95), main-thread long tasks (> 50 ms)
// and the time from switching the camera on to the first status, cold (first visit) and warm (files cached).
// Options: --seconds 60 --fps 30 --json      (run `npm run build` first)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type Page } from "@playwright/test";
import { makeFakeCameraVideos } from "../mediapipe/make-fake-camera-videos";
import { startServer } from "./support/server-process";
import { freePort } from "./support/targets";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    fps: { type: "string", default: "30" },
    json: { type: "boolean", default: false },
  },
});
const seconds = Number(values.seconds);
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

interface Diagnostics {
  frames: number;
  fps: number;
  frameMedianMs: number;
  frameP95Ms: number;
  firstFrameMs: number;
  firstStatusMs: number;
  loadMs: number;
}

async function diagnostics(page: Page, scope: string): Promise<Diagnostics> {
  const data = await page
    .locator(`${scope} [data-testid="camera-diagnostics"]`)
    .evaluate((el) => ({ ...(el as HTMLElement).dataset }));
  const n = (v: string | undefined) => Number(v ?? Number.NaN);
  return {
    frames: n(data.frames),
    fps: n(data.fps),
    frameMedianMs: n(data.frameMedianMs),
    frameP95Ms: n(data.frameP95Ms),
    firstFrameMs: n(data.firstFrameMs),
    firstStatusMs: n(data.firstStatusMs),
    loadMs: n(data.loadMs),
  };
}

/** Waits until the first confirmed status is on screen and returns the diagnostics then. */
async function firstStatus(page: Page, scope: string): Promise<Diagnostics> {
  await page.waitForFunction(
    (s) =>
      (document.querySelector(`${s} [data-testid="camera-diagnostics"]`) as HTMLElement | null)?.dataset.firstStatusMs,
    scope,
    { timeout: 30_000 },
  );
  return diagnostics(page, scope);
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "webside-bench-camera-"));
  const video = makeFakeCameraVideos(dir, { variants: ["well-framed"], seconds: 2, fps: Number(values.fps) })[
    "well-framed"
  ];
  const port = await freePort();
  const server = await startServer({ port, dataFile: path.join(dir, "webside.json"), env: { NODE_ENV: "test" } });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      ...CHROMIUM_ARGS,
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    // Long tasks on the page's main thread, from the moment each document starts.
    await context.addInitScript(() => {
      const w = window as unknown as { longTasks: Array<{ start: number; ms: number }> };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: "longtask", buffered: true });
    });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email address").fill("clinician@example.org");
    await page.getByLabel("Password", { exact: true }).fill("webside-demo");
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL(`${server.url}/`);

    // Cold: the first visit to /check downloads the wasm and models (then cached as immutable).
    await page.goto("/check");
    const cold = await firstStatus(page, ".ws-camera-check");

    // Warm: a practice session with the camera switched on.
    await page.goto("/scenarios/sceptical-first-video");
    await page.locator("#confidence-3").check();
    await page.getByRole("button", { name: "Start the consultation" }).click();
    await page.getByRole("heading", { name: "How do you respond?" }).waitFor();
    await page.evaluate(() => ((window as unknown as { longTasks: unknown[] }).longTasks = []));
    const clickedAt = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "Turn camera on" }).click();
    const warm = await firstStatus(page, ".ws-camera-corner");
    const steadyFrom = await diagnostics(page, ".ws-camera-corner");
    const steadyStart = Date.now();
    await page.waitForTimeout(seconds * 1000);
    const end = await diagnostics(page, ".ws-camera-corner");
    const steadySeconds = (Date.now() - steadyStart) / 1000;
    const longTasks = (
      await page.evaluate(() => (window as unknown as { longTasks: Array<{ start: number; ms: number }> }).longTasks)
    ).filter((t) => t.start >= clickedAt);
    // Loading the camera code and starting getUserMedia happen once, at switch-on; the steady state is what "stutter" means.
    const steadyLongTasks = longTasks.filter((t) => t.start >= clickedAt + (warm.firstStatusMs ?? 0));
    await page.getByRole("button", { name: "Turn camera off" }).click();

    const result = {
      seconds: Math.round(steadySeconds),
      analysedFps: Number(((end.frames - steadyFrom.frames) / steadySeconds).toFixed(1)),
      frameMedianMs: end.frameMedianMs,
      frameP95Ms: end.frameP95Ms,
      longTasksOver50ms: longTasks.length,
      longTasksDuringSteadyAnalysis: steadyLongTasks.length,
      longestLongTaskMs: Math.round(Math.max(0, ...longTasks.map((t) => t.ms))),
      /** When each long task started, ms after the camera was switched on, and how long it took. */
      longTasks: longTasks.map((t) => `${Math.round(t.start - clickedAt)}+${Math.round(t.ms)}`),
      firstStatusColdMs: cold.firstStatusMs,
      firstStatusWarmMs: warm.firstStatusMs,
      firstFrameWarmMs: warm.firstFrameMs,
      mediapipeLoadWarmMs: warm.loadMs,
    };
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      console.log(
        `Camera analysis, ${result.seconds} s practice session, ${values.fps} fps fake camera, headless Chromium`,
      );
      console.log(`  analysed frames per second      ${result.analysedFps}`);
      console.log(
        `  analysis time per frame         median ${result.frameMedianMs} ms, p95 ${result.frameP95Ms} ms (in the worker)`,
      );
      console.log(
        `  main-thread long tasks > 50 ms  ${result.longTasksOver50ms} after switch-on (${result.longTasksDuringSteadyAnalysis} once analysing; longest ${result.longestLongTaskMs} ms)${result.longTasks.length ? ` at ${result.longTasks.join(", ")} ms after switch-on (start+duration)` : ""}`,
      );
      console.log(
        `  camera on -> first status       ${result.firstStatusWarmMs} ms warm cache (cold, first visit: ${result.firstStatusColdMs} ms)`,
      );
      console.log(
        `  camera on -> first frame        ${result.firstFrameWarmMs} ms (MediaPipe ready in ${result.mediapipeLoadWarmMs} ms)`,
      );
    }
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
