// Fake cameras for end-to-end tests: .y4m videos made by ffmpeg from the face fixture, and a Chromium launched to use one.
import { existsSync } from "node:fs";
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
): Promise<CameraBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, ...cameraArgs(setup)],
  });
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await logIn(page, email);
  return { browser, context, page, close: () => browser.close() };
}
