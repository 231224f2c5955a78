// Path (b) of the voice benchmark: an espeak-ng fixture played to headless Chromium as its fake microphone, heard by the
// practice room's voice capture (app/camera/voice-capture.ts, bundled by Vite into a small harness page served under
// the app's own CSP), and lined up with the file by a marker tone at the start of every loop (loop-marker.ts).
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readFile } from "node:fs/promises";
import { chromium, type Page } from "@playwright/test";
import tsconfigPaths from "vite-tsconfig-paths";
import { contentSecurityPolicy, createNonce } from "~/http/security-headers.server";
import { CHROMIUM_ARGS, chromiumPath, fakeMediaArgs } from "../bench/support/chromium";
import { analyseRecording, type SpeechFrame } from "~/core/speech/frame-features";
import type { SpeechMeasures } from "~/core/speech/turn-measures";
import type { VoiceHarness } from "./voice-harness/harness";
import { readSamples, type SpeechFixture } from "./espeak-fixtures";
import { FIXTURE_START_MS, markerOnsets, withLoopMarker } from "./loop-marker";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, "../..");

/** The harness starts listening without a click (a person's click does this in the practice room). */
const NO_GESTURE_AUDIO = "--autoplay-policy=no-user-gesture-required";

/** Bundles the harness page (and the voice capture with its AudioWorklet) with Vite, as the app's build would. */
export async function buildVoiceHarness(outDir: string): Promise<void> {
  const { build } = await import("vite");
  await build({
    configFile: false,
    root: path.join(HERE, "voice-harness"),
    logLevel: "error",
    plugins: [tsconfigPaths({ root: REPO_ROOT })],
    worker: { format: "es" },
    build: { outDir, emptyOutDir: true, target: "es2022", minify: false },
  });
}

export interface HarnessServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the built harness on 127.0.0.1 with the app's production CSP and permissions, so the worklet must pass them. */
export async function serveVoiceHarness(dir: string): Promise<HarnessServer> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript" };
  const server: Server = createServer(async (req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    const file = path.join(dir, urlPath === "/" ? "index.html" : path.normalize(urlPath));
    const body = file.startsWith(dir) ? await readFile(file).catch(() => null) : null;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(createNonce(), { dev: false }));
    res.setHeader("Permissions-Policy", "camera=(self), microphone=(self)");
    if (!body) {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ChromiumVoiceResult {
  measured: SpeechMeasures;
  /** What the capture ran at, and how the loop was lined up (for the table's notes). */
  sampleRate: number;
  analysisRate: number;
  /** Marker onset in file time by the Node analysis of the looped file (the detector's own start-of-tone point). */
  markerFileMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays the fixture to Chromium's fake microphone and measures one full loop through the voice capture. */
export async function measureInChromium(
  fixture: SpeechFixture,
  harnessUrl: string,
  options: { processing: boolean; fixtureMs: number },
): Promise<ChromiumVoiceResult> {
  const looped = withLoopMarker(fixture.wav, fixture.sampleRate);
  // Where the detector puts the marker in the file itself: the browser's frames are shifted so theirs lands there too.
  const fileFrames = analyseRecording(readSamples(looped), fixture.sampleRate);
  const markerFileMs = markerOnsets(fileFrames, 0)[0];
  if (markerFileMs === undefined) throw new Error("the marker tone was not found in the looped file itself");
  const loopMs = FIXTURE_START_MS + options.fixtureMs;

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS, NO_GESTURE_AUDIO, ...fakeMediaArgs({ audio: looped })],
  });
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(`${harnessUrl}?processing=${options.processing ? "on" : "off"}`);
    await page.waitForFunction(
      () => (window as unknown as { voiceHarness?: VoiceHarness }).voiceHarness?.state !== "starting",
      null,
      {
        timeout: 20_000,
      },
    );
    const start = await page.evaluate(() => {
      const h = (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness;
      return { state: h.state, error: h.error, sampleRate: h.sampleRate ?? 0, analysisRate: h.analysisRate ?? 0 };
    });
    if (start.state !== "running")
      throw new Error(`the voice capture did not start: ${start.error ?? problems.join("; ")}`);

    // Listen until one marker has the whole fixture after it (at most two loops, as the capture may start mid-loop).
    const deadline = Date.now() + 2 * loopMs + 15_000;
    for (;;) {
      await sleep(1000);
      const { frames, firstIndex } = await framesOf(page);
      if (frames.length === 0 && Date.now() > deadline - loopMs)
        throw new Error(`no frames arrived from the AudioWorklet${problems.length ? ` (${problems.join("; ")})` : ""}`);
      const endMs = (firstIndex + frames.length) * 10;
      const onset = markerOnsets(frames, firstIndex).find((m) => m + (loopMs - markerFileMs) + 300 <= endMs);
      if (onset !== undefined) {
        const fixtureStart = onset + (FIXTURE_START_MS - markerFileMs);
        const measured = await page.evaluate(
          (turn) => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.measure(turn),
          { fromMs: fixtureStart, toMs: fixtureStart + options.fixtureMs, patientEndMs: fixtureStart },
        );
        return { measured, sampleRate: start.sampleRate, analysisRate: start.analysisRate, markerFileMs };
      }
      if (Date.now() > deadline)
        throw new Error(
          `no marker tone with a whole loop after it in ${Math.round(endMs / 1000)} s of frames (is the file reaching the fake microphone?)`,
        );
    }
  } finally {
    await browser.close();
  }
}

async function framesOf(page: Page): Promise<{ frames: SpeechFrame[]; firstIndex: number }> {
  const raw = await page.evaluate(() => (window as unknown as { voiceHarness: VoiceHarness }).voiceHarness.frames());
  return {
    firstIndex: Math.max(0, raw.firstIndex),
    frames: raw.db.map((db, i) => ({ db, pitchHz: raw.pitchHz[i]! })),
  };
}

export function harnessBuildDir(tmp: string): string {
  const dir = path.join(tmp, "voice-harness");
  mkdirSync(dir, { recursive: true });
  return dir;
}
