// Makes one camera situation's fake-camera video: the portrait through the situation's ffmpeg filters, as a short .y4m.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { Situation } from "./situations";

function ffmpeg(args: string[]): void {
  const result = spawnSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args], { encoding: "utf8" });
  if (result.error) throw new Error(`could not run ffmpeg (${result.error.message}); apt-get install -y ffmpeg`);
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.trim().split("\n").at(-1)}`);
}

/** Writes `<dir>/<id>.png` (the still) and `<dir>/<id>.y4m` (it repeated for `seconds` at `fps`); returns the video. */
export function situationVideo(s: Situation, dir: string, options: { fps?: number; seconds?: number } = {}): string {
  const base = path.join(dir, s.id.replace(/[^a-z0-9.-]+/gi, "_"));
  // Filter one still, then repeat it: filtering every frame (geq especially) is what makes this slow.
  ffmpeg(["-i", s.portrait.file, "-vf", `${s.filter},scale=640:480,setsar=1`, "-frames:v", "1", `${base}.png`]);
  const fps = options.fps ?? 15;
  ffmpeg([
    "-loop",
    "1",
    "-framerate",
    String(fps),
    "-i",
    `${base}.png`,
    "-vf",
    "format=yuv420p",
    "-t",
    String(options.seconds ?? 1),
    `${base}.y4m`,
  ]);
  return `${base}.y4m`;
}
