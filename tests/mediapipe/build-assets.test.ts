// The install-time MediaPipe build: deterministic, skips when up to date, the .task holds the right files and the models the right shapes and metadata.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildMediapipeAssets,
  OUTPUT_FILES,
  PROJECT_ROOT,
  type BuildResult,
} from "../../scripts/mediapipe/build-assets.ts";
import { METADATA_NAME, readInputNormalization } from "../../scripts/mediapipe/model-metadata.ts";
import { listStoredZip } from "../../scripts/mediapipe/stored-zip.ts";
import { bufferData, readTfliteModel } from "../../scripts/mediapipe/tflite-model.ts";
import { unpackAssets } from "../../scripts/mediapipe/packed-assets.ts";
import { readMediapipeSources } from "../../scripts/mediapipe/mediapipe-sources.ts";

const NODE_MODULES = join(PROJECT_ROOT, "node_modules");
const TASK_FILES = [
  "face_detector.tflite",
  "face_landmarks_detector.tflite",
  "geometry_pipeline_metadata_landmarks.binarypb",
];
const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

let workDir: string;
let first: BuildResult;
let second: BuildResult;

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "webside-mediapipe-"));
  first = buildMediapipeAssets({ outDir: join(workDir, "a") });
  second = buildMediapipeAssets({ outDir: join(workDir, "b") });
}, 60_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function taskEntries(outDir: string): Map<string, Uint8Array> {
  const zip = new Uint8Array(readFileSync(join(outDir, OUTPUT_FILES.faceLandmarkerTask)));
  return new Map(listStoredZip(zip).map((e) => [e.name, zip.subarray(e.dataOffset, e.dataOffset + e.size)]));
}

describe("buildMediapipeAssets", () => {
  it("gives byte-identical outputs on two builds", () => {
    expect(first.skipped).toBe(false);
    expect(second.skipped).toBe(false);
    expect(second.manifest).toEqual(first.manifest);
    expect(readFileSync(join(second.outDir, "manifest.json"))).toEqual(
      readFileSync(join(first.outDir, "manifest.json")),
    );
    for (const [file, { sha256, size }] of Object.entries(first.manifest.files)) {
      const bytes = readFileSync(join(second.outDir, file));
      expect(bytes.length, file).toBe(size);
      expect(sha(bytes), file).toBe(sha256);
    }
  });

  it("writes the wasm, the two models and a manifest with licence and source versions", () => {
    const wasm = readdirSync(join(NODE_MODULES, "@mediapipe/tasks-vision/wasm")).sort();
    expect(readdirSync(join(first.outDir, "wasm")).sort()).toEqual(wasm);
    for (const name of wasm) {
      expect(first.manifest.files[`wasm/${name}`]?.size).toBe(
        statSync(join(NODE_MODULES, "@mediapipe/tasks-vision/wasm", name)).size,
      );
    }
    expect(
      Object.keys(first.manifest.files)
        .filter((f) => f.startsWith("models/"))
        .sort(),
    ).toEqual([OUTPUT_FILES.faceDetectorFullRange, OUTPUT_FILES.faceLandmarkerTask].sort());
    expect(first.manifest.licence).toBe("Apache-2.0");
    expect(first.manifest.sources["@mediapipe/tasks-vision"]).toEqual({ version: "1.1.0", licence: "Apache-2.0" });
    expect(first.manifest.sources["@mediapipe/face_mesh"]?.version).toBe("0.4.1657299874");
    expect(first.manifest.sources["@mediapipe/face_detection"]?.version).toBe("0.4.1657300184");
  });

  it("skips quickly when the manifest matches, and rebuilds when an output was changed", () => {
    const again = buildMediapipeAssets({ outDir: first.outDir });
    expect(again.skipped).toBe(true);
    expect(again.milliseconds).toBeLessThan(1000);
    writeFileSync(join(first.outDir, OUTPUT_FILES.faceDetectorFullRange), "truncated");
    const repaired = buildMediapipeAssets({ outDir: first.outDir });
    expect(repaired.skipped).toBe(false);
    expect(sha(readFileSync(join(first.outDir, OUTPUT_FILES.faceDetectorFullRange)))).toBe(
      first.manifest.files[OUTPUT_FILES.faceDetectorFullRange]!.sha256,
    );
  });

  it("says which package is missing and how to install it", () => {
    const empty = mkdtempSync(join(tmpdir(), "webside-no-modules-"));
    try {
      expect(() => buildMediapipeAssets({ outDir: join(empty, "out"), nodeModulesDir: empty })).toThrow(
        /@mediapipe\/tasks-vision is not installed .*npm install/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe("face_landmarker.task", () => {
  it("is a stored zip of exactly the three files, CRCs intact and data 64-byte aligned", () => {
    const zip = new Uint8Array(readFileSync(join(first.outDir, OUTPUT_FILES.faceLandmarkerTask)));
    const entries = listStoredZip(zip);
    expect(entries.map((e) => e.name)).toEqual(TASK_FILES);
    for (const e of entries) {
      expect(e.method, e.name).toBe(0);
      expect(e.crcMatches, e.name).toBe(true);
      expect(e.dataOffset % 64, e.name).toBe(0);
    }
  });

  it("holds the geometry pipeline metadata unchanged and a detector of the expected size", () => {
    const sources = readMediapipeSources(NODE_MODULES);
    const packed = unpackAssets(sources.faceMeshLoader, sources.faceMeshData);
    const entries = taskEntries(first.outDir);
    expect(entries.get("geometry_pipeline_metadata_landmarks.binarypb")).toEqual(
      packed.get("geometry_pipeline_metadata_landmarks.binarypb")!.bytes,
    );
    // 229,032 original bytes plus well under 4 KB of metadata and new root tables.
    expect(entries.get("face_detector.tflite")!.length).toBeGreaterThan(229_032);
    expect(entries.get("face_detector.tflite")!.length).toBeLessThan(229_032 + 4096);
  });

  it("has one [1,1,1,1434] landmarks output followed by the face flag", () => {
    const model = readTfliteModel(taskEntries(first.outDir).get("face_landmarks_detector.tflite")!);
    const outputs = model.outputs.map((i) => model.tensors[i]!);
    expect(outputs.map((t) => t.shape)).toEqual([
      [1, 1, 1, 1434],
      [1, 1, 1, 1],
    ]);
    expect(outputs.map((t) => t.name)).toEqual(["merged_landmarks", "conv_faceflag"]);
    expect(model.inputs.map((i) => model.tensors[i]!.shape)).toEqual([[1, 192, 192, 3]]);
  });

  it("keeps every original weight buffer byte for byte", () => {
    const sources = readMediapipeSources(NODE_MODULES);
    const original = readTfliteModel(
      unpackAssets(sources.faceMeshLoader, sources.faceMeshData).get("face_landmark_with_attention.tflite")!.bytes,
    );
    const merged = readTfliteModel(taskEntries(first.outDir).get("face_landmarks_detector.tflite")!);
    expect(merged.bufferCount).toBeGreaterThan(original.bufferCount);
    for (let i = 0; i < original.bufferCount; i++) {
      expect(sha(bufferData(merged, i)), `buffer ${i}`).toBe(sha(bufferData(original, i)));
    }
    for (let i = 0; i < original.bufferCount; i++) {
      const start = bufferData(merged, i).byteOffset - merged.bytes.byteOffset;
      if (bufferData(merged, i).length > 0) expect(start % 16, `buffer ${i} alignment`).toBe(0);
    }
  });
});

describe("model metadata", () => {
  const cases = [
    ["face_detector.tflite", [127.5], [127.5]],
    ["face_landmarks_detector.tflite", [0], [255]],
  ] as const;

  it.each(cases)("%s says RGB input with mean %j and std %j", (name, mean, std) => {
    const model = readTfliteModel(taskEntries(first.outDir).get(name)!);
    expect(model.metadata.map((m) => m.name)).toEqual([METADATA_NAME]);
    expect(readInputNormalization(model)).toMatchObject({
      colorSpace: 1,
      mean: [...mean],
      std: [...std],
      license: "Apache-2.0",
    });
  });

  it("the full-range detector says mean 127.5, std 127.5 and keeps its [1,192,192,3] input", () => {
    const model = readTfliteModel(new Uint8Array(readFileSync(join(first.outDir, OUTPUT_FILES.faceDetectorFullRange))));
    expect(readInputNormalization(model)).toMatchObject({ colorSpace: 1, mean: [127.5], std: [127.5] });
    expect(model.inputs.map((i) => model.tensors[i]!.shape)).toEqual([[1, 192, 192, 3]]);
    expect(model.outputs.map((i) => model.tensors[i]!.shape)).toEqual([
      [1, 2304, 16],
      [1, 2304, 1],
    ]);
  });
});
