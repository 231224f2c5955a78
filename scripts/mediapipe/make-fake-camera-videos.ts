// Makes Chromium fake-camera videos (.y4m, 640x480) of the camera situations the pre-call check must tell apart, from the committed face fixture.
// Usage: tsx scripts/mediapipe/make-fake-camera-videos.ts <out-dir> [--seconds 3] [--fps 10]
// Chromium: --use-fake-device-for-media-stream --use-file-for-fake-video-capture=<out-dir>/<variant>.y4m
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { PROJECT_ROOT } from "./build-assets.ts";

export const FACE_FIXTURE = join(PROJECT_ROOT, "tests/fixtures/faces/astronaut-well-framed-640x480.png");

/** The wall colour of the portrait, so padded areas look like more wall rather than a frame. */
const WALL = "0xd6cdc3";
/** Centre of the head (hair included) in the fixture, in pixels. FaceLandmarker puts the mesh at x 0.37-0.61 and y 0.24-0.62 of the frame, eyes at 0.36. */
const FACE = { x: 315, y: 190 };

/** Each variant is an ffmpeg filter chain applied to the 640x480 fixture; every chain ends at 640x480. */
export const FAKE_CAMERA_VARIANTS = {
  /** Centred (mesh centre x 0.49), face 0.24 of the frame wide, eyes 0.36 down: "You're ready". */
  "well-framed": "null",
  /** Face centre at 0.15 of the width: "Move to the centre". */
  "off-centre": `pad=1280:480:0:0:color=${WALL},crop=640:480:${FACE.x - 96}:0`,
  /** Face about 0.07 of the frame wide: FaceLandmarker finds nothing, the full-range detector finds the face; "Move closer". */
  tiny: `scale=192:144,pad=640:480:224:168:color=${WALL}`,
  /** Face mesh 0.62 of the frame wide, hair cut off at the top: "Move back". */
  huge: `scale=1664:1248,crop=640:480:${Math.round(FACE.x * 2.6) - 320}:${Math.round(FACE.y * 2.6) - 200}`,
  /** Everything at 15% brightness (face luminance about 20/255): "Too dark". */
  dark: "colorchannelmixer=rr=0.15:gg=0.15:bb=0.15",
  /** Face darkened and the surroundings pushed towards white, as in front of a bright window: "There is light behind you". */
  backlit: (() => {
    // w = 0 inside an ellipse round the face, rising to 1 outside it (a soft edge, like real backlight).
    const w = `clip((sqrt(pow((X-${FACE.x})/125,2)+pow((Y-${FACE.y + 10})/165,2))-0.85)/0.35,0,1)`;
    const channel = (c: string) => `${c}(X,Y)*0.4*(1-${w})+min(255,${c}(X,Y)*0.3+175)*${w}`;
    return `format=rgb24,geq=r='${channel("r")}':g='${channel("g")}':b='${channel("b")}'`;
  })(),
  /** Only wall, no one there: "We can't see you". */
  empty: "crop=100:75:450:15,scale=640:480",
} as const;

export type FakeCameraVariant = keyof typeof FAKE_CAMERA_VARIANTS;

export interface FakeCameraOptions {
  ffmpeg?: string;
  seconds?: number;
  /** 10 to 15 keeps files small while giving the analysis a steady stream. */
  fps?: number;
  source?: string;
  variants?: FakeCameraVariant[];
}

function runFfmpeg(ffmpeg: string, args: string[]): void {
  const result = spawnSync(ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args], { encoding: "utf8" });
  if (result.error) {
    throw new Error(
      `Could not run ${ffmpeg} (${result.error.message}). Install ffmpeg (Debian: apt-get install ffmpeg) or pass its path.`,
    );
  }
  if (result.status !== 0) throw new Error(`ffmpeg failed: ${result.stderr.trim()}`);
}

/** Writes <outDir>/<variant>.y4m (and the still it repeats, <variant>.png) for each variant; returns the .y4m paths. */
export function makeFakeCameraVideos(
  outDir: string,
  options: FakeCameraOptions = {},
): Record<FakeCameraVariant, string> {
  const ffmpeg = options.ffmpeg ?? "ffmpeg";
  const source = resolve(options.source ?? FACE_FIXTURE);
  if (!existsSync(source)) throw new Error(`The face fixture ${source} is missing.`);
  const seconds = options.seconds ?? 3;
  const fps = options.fps ?? 10;
  mkdirSync(outDir, { recursive: true });
  const variants = options.variants ?? (Object.keys(FAKE_CAMERA_VARIANTS) as FakeCameraVariant[]);
  const paths = {} as Record<FakeCameraVariant, string>;
  for (const variant of variants) {
    // Filter one still, then repeat it: filtering every frame (geq especially) is what makes this slow.
    const still = resolve(outDir, `${variant}.png`);
    const video = resolve(outDir, `${variant}.y4m`);
    runFfmpeg(ffmpeg, [
      "-i",
      source,
      "-vf",
      `${FAKE_CAMERA_VARIANTS[variant]},scale=640:480,setsar=1`,
      "-frames:v",
      "1",
      still,
    ]);
    runFfmpeg(ffmpeg, [
      "-loop",
      "1",
      "-framerate",
      String(fps),
      "-i",
      still,
      "-vf",
      "format=yuv420p",
      "-t",
      String(seconds),
      video,
    ]);
    paths[variant] = video;
  }
  return paths;
}

function main(argv: string[]): void {
  const outDir = argv.find((a, i) => !a.startsWith("--") && !["--seconds", "--fps"].includes(argv[i - 1] ?? ""));
  if (!outDir) {
    console.log("Usage: tsx scripts/mediapipe/make-fake-camera-videos.ts <out-dir> [--seconds 3] [--fps 10]");
    process.exit(2);
  }
  const number = (flag: string) => (argv.includes(flag) ? Number(argv[argv.indexOf(flag) + 1]) : undefined);
  try {
    const paths = makeFakeCameraVideos(outDir, { seconds: number("--seconds"), fps: number("--fps") });
    for (const [variant, path] of Object.entries(paths)) console.log(`${variant}\t${path}`);
  } catch (error) {
    console.log(`Could not make the fake camera videos: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
