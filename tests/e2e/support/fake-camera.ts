// Fake cameras for end-to-end tests: .y4m videos made by ffmpeg from the face fixture, and a Chromium launched to use one.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { CHROMIUM_ARGS } from "../../../playwright.config";
import { makeFakeCameraVideos, type FakeCameraVariant } from "../../../scripts/mediapipe/make-fake-camera-videos";
import { DEMO, logIn } from "./session";

export type { FakeCameraVariant };

/** Made once per checkout (the folder is git-ignored); ffmpeg takes a few seconds for all seven. */
export const FAKE_CAMERA_DIR = path.resolve("tests/e2e/.tmp/fake-camera");

export function fakeCameraVideo(variant: FakeCameraVariant, options: { fps?: number } = {}): string {
  const fps = options.fps ?? 15;
  const dir = path.join(FAKE_CAMERA_DIR, `${fps}fps`);
  const file = path.join(dir, `${variant}.y4m`);
  if (!existsSync(file)) makeFakeCameraVideos(dir, { variants: [variant], seconds: 2, fps });
  return file;
}

/**
 * A sound for Chromium's fake microphone (it loops the file): a warbling tone in bursts, like speech in its rhythm, so
 * the browser's noise suppression does not take it for steady background noise. Made once with ffmpeg.
 */
export function fakeMicrophoneSound(): string {
  const file = path.join(FAKE_CAMERA_DIR, "warble.wav");
  if (!existsSync(file)) {
    mkdirSync(FAKE_CAMERA_DIR, { recursive: true });
    const made = spawnSync(
      "ffmpeg",
      [
        ...["-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi"],
        ...["-i", "aevalsrc=0.5*sin(2*PI*(220+80*sin(2*PI*3*t))*t)*lt(mod(t\\,0.9)\\,0.6):s=48000:d=6"],
        ...["-ac", "1", file],
      ],
      { encoding: "utf8" },
    );
    if (made.status !== 0) throw new Error(`ffmpeg could not make ${file}: ${made.stderr || made.error?.message}`);
  }
  return file;
}

export type CameraSetup =
  | { camera: "video"; file: string }
  /** The browser refuses camera permission, as when a person clicks "Block". */
  | { camera: "denied" }
  /** No camera device at all (the machine running the tests has none). */
  | { camera: "none" };

export function cameraArgs(setup: CameraSetup): string[] {
  if (setup.camera === "video")
    return [
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${setup.file}`,
    ];
  if (setup.camera === "denied") return ["--use-fake-device-for-media-stream", "--deny-permission-prompts"];
  return ["--use-fake-ui-for-media-stream"];
}

export interface CameraBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium flags are per launch, so every camera situation gets its own browser; the page is logged in as the demo clinician. */
export async function launchWithCamera(
  baseURL: string,
  setup: CameraSetup,
  email: string = DEMO.clinician,
  /** More Chromium flags, e.g. a fake microphone file (--use-file-for-fake-audio-capture). */
  extraArgs: string[] = [],
): Promise<CameraBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...cameraArgs(setup), ...extraArgs],
  });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page, email);
  return { browser, context, page, close: () => browser.close() };
}
