// Real detection in headless Chromium with freshly built assets: 478 landmarks, irises in the eyes, a matrix, a correct merge, full-range detection.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildMediapipeAssets } from "../../scripts/mediapipe/build-assets.ts";
import { runDetectionCheck } from "./detect-in-chromium.ts";

const CHROMIUM = "/usr/bin/chromium";
const workDir = mkdtempSync(join(tmpdir(), "webside-mediapipe-chromium-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe.skipIf(!existsSync(CHROMIUM))("MediaPipe assets in Chromium", () => {
  it("detect the fixture face with the built models", async () => {
    const { outDir } = buildMediapipeAssets({ outDir: join(workDir, "mediapipe") });
    const report = await runDetectionCheck({ assetsDir: outDir, executablePath: CHROMIUM });
    expect(report.problems).toEqual([]);
    expect(report.landmarkCount).toBe(478);
    expect(report.mergeMeanPx).toBeLessThanOrEqual(2);
    expect(report.wrongTableMeanPx).toBeGreaterThan(6);
    expect(report.fullRangeFaces).toBe(1);
  }, 120_000);
});
