// The install-time MediaPipe models work in a real Chromium: 478 landmarks with irises inside the eyes, a
// transformation matrix, a merge that agrees with the plain mesh, and the full-range detector finds the face.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { buildMediapipeAssets } from "../../scripts/mediapipe/build-assets.ts";
import { runDetectionCheck } from "../mediapipe/detect-in-chromium.ts";

test("the built models detect the fixture face", async ({ page }) => {
  test.setTimeout(120_000);
  const workDir = mkdtempSync(join(tmpdir(), "webside-mediapipe-chromium-"));
  try {
    const { outDir } = buildMediapipeAssets({ outDir: join(workDir, "mediapipe") });
    const report = await runDetectionCheck({ assetsDir: outDir, page });
    expect(report.problems).toEqual([]);
    expect(report.landmarkCount).toBe(478);
    expect(report.mergeMeanPx).toBeLessThanOrEqual(2);
    expect(report.wrongTableMeanPx).toBeGreaterThan(6);
    expect(report.fullRangeFaces).toBe(1);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});
