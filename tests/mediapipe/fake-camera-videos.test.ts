// The fake-camera video maker: 640x480 y4m files of the requested length and rate, and a plain error without ffmpeg.
import { spawnSync } from "node:child_process";
import { mkdtempSync, openSync, readSync, closeSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeFakeCameraVideos } from "../../scripts/mediapipe/make-fake-camera-videos.ts";

const hasFfmpeg = spawnSync("ffmpeg", ["-version"]).status === 0;
const dir = mkdtempSync(join(tmpdir(), "webside-fake-camera-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function header(path: string): string {
  const fd = openSync(path, "r");
  const buffer = Buffer.alloc(512);
  readSync(fd, buffer, 0, 512, 0);
  closeSync(fd);
  return buffer.toString("latin1").split("\n")[0]!;
}

describe.skipIf(!hasFfmpeg)("makeFakeCameraVideos", () => {
  it("writes 640x480 y4m videos with seconds x fps frames", () => {
    const paths = makeFakeCameraVideos(dir, { variants: ["tiny", "empty"], seconds: 1, fps: 12 });
    for (const path of Object.values(paths)) {
      expect(header(path)).toMatch(/^YUV4MPEG2 W640 H480 F12:1 /);
      const frameBytes = "FRAME\n".length + (640 * 480 * 3) / 2;
      const headerBytes = header(path).length + 1;
      expect(statSync(path).size).toBe(headerBytes + 12 * frameBytes);
    }
  }, 60_000);

  it("says how to get ffmpeg when it cannot be run", () => {
    expect(() => makeFakeCameraVideos(dir, { ffmpeg: "/nonexistent/ffmpeg", variants: ["empty"] })).toThrow(
      /Install ffmpeg/,
    );
  });
});
