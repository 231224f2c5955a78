// Locates the three MediaPipe npm packages the asset build reads, with errors that say how to fix a missing one.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** The versions package.json pins; others may work but are not what the recipe was proved against. */
export const EXPECTED_VERSIONS = {
  "@mediapipe/tasks-vision": "1.1.0",
  "@mediapipe/face_mesh": "0.4.1657299874",
  "@mediapipe/face_detection": "0.4.1657300184",
} as const;

export type MediapipePackage = keyof typeof EXPECTED_VERSIONS;

export interface MediapipeSources {
  versions: Record<MediapipePackage, string>;
  licenses: Record<MediapipePackage, string>;
  /** Absolute paths of tasks-vision's wasm/* files, sorted by name. */
  wasmFiles: string[];
  faceMeshLoader: string;
  faceMeshData: Uint8Array;
  fullRangeDetector: Uint8Array;
}

function packageDir(nodeModulesDir: string, name: MediapipePackage): { dir: string; version: string; license: string } {
  const dir = join(nodeModulesDir, ...name.split("/"));
  const manifestPath = join(dir, "package.json");
  if (!existsSync(manifestPath)) {
    throw new Error(
      `${name} is not installed (no ${manifestPath}). It is a dependency of Webside pinned to ${EXPECTED_VERSIONS[name]}; run \`npm install\` (or \`npm install ${name}@${EXPECTED_VERSIONS[name]}\`) and try again.`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { version?: string; license?: string };
  return { dir, version: manifest.version ?? "unknown", license: manifest.license ?? "unknown" };
}

function requireFile(path: string, name: MediapipePackage): string {
  if (!existsSync(path)) {
    throw new Error(
      `${name} is installed but ${path} is missing; the package may be damaged. Delete node_modules/${name} and run \`npm install\`.`,
    );
  }
  return path;
}

/** Cheap identity of the inputs (versions and file sizes), used to decide whether outputs are up to date. */
export function inputFingerprint(nodeModulesDir: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(EXPECTED_VERSIONS) as MediapipePackage[]) {
    result[name] = packageDir(nodeModulesDir, name).version;
  }
  return result;
}

export function readMediapipeSources(nodeModulesDir: string): MediapipeSources {
  const tasks = packageDir(nodeModulesDir, "@mediapipe/tasks-vision");
  const mesh = packageDir(nodeModulesDir, "@mediapipe/face_mesh");
  const detection = packageDir(nodeModulesDir, "@mediapipe/face_detection");
  const wasmDir = requireFile(join(tasks.dir, "wasm"), "@mediapipe/tasks-vision");
  const wasmFiles = readdirSync(wasmDir)
    .filter((f) => statSync(join(wasmDir, f)).isFile())
    .sort()
    .map((f) => join(wasmDir, f));
  if (!wasmFiles.some((f) => f.endsWith("vision_wasm_internal.wasm"))) {
    throw new Error(
      `${wasmDir} has no vision_wasm_internal.wasm; reinstall @mediapipe/tasks-vision@${EXPECTED_VERSIONS["@mediapipe/tasks-vision"]}.`,
    );
  }
  return {
    versions: {
      "@mediapipe/tasks-vision": tasks.version,
      "@mediapipe/face_mesh": mesh.version,
      "@mediapipe/face_detection": detection.version,
    },
    licenses: {
      "@mediapipe/tasks-vision": tasks.license,
      "@mediapipe/face_mesh": mesh.license,
      "@mediapipe/face_detection": detection.license,
    },
    wasmFiles,
    faceMeshLoader: readFileSync(
      requireFile(join(mesh.dir, "face_mesh_solution_packed_assets_loader.js"), "@mediapipe/face_mesh"),
      "utf8",
    ),
    faceMeshData: new Uint8Array(
      readFileSync(requireFile(join(mesh.dir, "face_mesh_solution_packed_assets.data"), "@mediapipe/face_mesh")),
    ),
    fullRangeDetector: new Uint8Array(
      readFileSync(requireFile(join(detection.dir, "face_detection_full_range.tflite"), "@mediapipe/face_detection")),
    ),
  };
}
