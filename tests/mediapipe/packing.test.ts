// Unpacking face_mesh's packed assets and writing stored zips: the sizes MEDIAPIPE.md lists, and errors a person can act on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../scripts/mediapipe/build-assets.ts";
import { readPackageTable, unpackAssets } from "../../scripts/mediapipe/packed-assets.ts";
import { crc32, listStoredZip, writeStoredZip } from "../../scripts/mediapipe/stored-zip.ts";

const FACE_MESH = join(PROJECT_ROOT, "node_modules/@mediapipe/face_mesh");
const loader = readFileSync(join(FACE_MESH, "face_mesh_solution_packed_assets_loader.js"), "utf8");
const blob = new Uint8Array(readFileSync(join(FACE_MESH, "face_mesh_solution_packed_assets.data")));

describe("unpackAssets", () => {
  it("finds the four files with their known sizes", () => {
    const sizes = Object.fromEntries([...unpackAssets(loader, blob)].map(([name, f]) => [name, f.bytes.length]));
    expect(sizes).toEqual({
      "face_landmark_with_attention.tflite": 2_495_952,
      "face_landmark.tflite": 1_241_896,
      "geometry_pipeline_metadata_landmarks.binarypb": 19_376,
      "face_detection_short_range.tflite": 229_032,
    });
  });

  it("refuses a blob from a different build", () => {
    expect(() => unpackAssets(loader, blob.subarray(1))).toThrow(/expects 3986256/);
  });

  it("explains when the loader has no file table", () => {
    expect(() => readPackageTable("var Module = {};", "loader.js")).toThrow(
      /Could not find the loadPackage.*loader\.js/,
    );
  });

  it("reads the table without running the loader", () => {
    const table = readPackageTable(
      'x(); loadPackage({"files": [{"filename": "/a/b.bin", "start": 0, "end": 3}], "remote_package_size": 3}); throw 1;',
    );
    expect(table.files).toEqual([{ filename: "/a/b.bin", start: 0, end: 3 }]);
  });
});

describe("stored zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
  });

  it("round-trips entries, identically every time", () => {
    const entries = [
      { name: "a.txt", bytes: new TextEncoder().encode("hello") },
      { name: "b.bin", bytes: Uint8Array.from({ length: 1000 }, (_, i) => i % 251) },
    ];
    const zip = writeStoredZip(entries);
    expect(writeStoredZip(entries)).toEqual(zip);
    const listed = listStoredZip(zip);
    expect(listed.map((e) => [e.name, e.size, e.method, e.crcMatches])).toEqual([
      ["a.txt", 5, 0, true],
      ["b.bin", 1000, 0, true],
    ]);
    expect(zip.subarray(listed[1]!.dataOffset, listed[1]!.dataOffset + 1000)).toEqual(entries[1]!.bytes);
  });
});
