// Splits @mediapipe/face_mesh's Emscripten file-packager blob into its files, reading the file table from the loader script as data (never evaluated).

export interface PackedFile {
  /** Base name, e.g. "face_landmark_with_attention.tflite". */
  name: string;
  /** Path inside the packager's virtual file system. */
  path: string;
  bytes: Uint8Array;
}

interface PackageTable {
  files: { filename: string; start: number; end: number }[];
  remote_package_size: number;
}

/** Reads the JSON argument of the loader's `loadPackage({...})` call. */
export function readPackageTable(loaderSource: string, loaderName = "the packed assets loader"): PackageTable {
  // The call sits on one line; the first "})" after it closes the object literal.
  const match = /loadPackage\((\{\s*"files"\s*:.*?\})\)/.exec(loaderSource);
  if (!match?.[1]) {
    throw new Error(
      `Could not find the loadPackage({"files": ...}) table in ${loaderName}; the @mediapipe/face_mesh version may have changed its packaging.`,
    );
  }
  let table: unknown;
  try {
    table = JSON.parse(match[1]);
  } catch (cause) {
    throw new Error(`The file table in ${loaderName} is not valid JSON: ${(cause as Error).message}`);
  }
  if (!isPackageTable(table)) {
    throw new Error(
      `The file table in ${loaderName} does not have the expected {files: [{filename, start, end}], remote_package_size} shape.`,
    );
  }
  return table;
}

function isPackageTable(value: unknown): value is PackageTable {
  if (typeof value !== "object" || value === null) return false;
  const { files, remote_package_size } = value as Record<string, unknown>;
  return (
    typeof remote_package_size === "number" &&
    Array.isArray(files) &&
    files.every(
      (f) =>
        typeof f === "object" &&
        f !== null &&
        typeof (f as Record<string, unknown>).filename === "string" &&
        Number.isInteger((f as Record<string, unknown>).start) &&
        Number.isInteger((f as Record<string, unknown>).end),
    )
  );
}

/** Slices the blob by the loader's offsets; checks the blob is exactly the size the loader expects. */
export function unpackAssets(loaderSource: string, blob: Uint8Array, loaderName?: string): Map<string, PackedFile> {
  const table = readPackageTable(loaderSource, loaderName);
  if (blob.length !== table.remote_package_size) {
    throw new Error(
      `The packed assets blob is ${blob.length} bytes but its loader expects ${table.remote_package_size}; the two files come from different @mediapipe/face_mesh builds.`,
    );
  }
  const files = new Map<string, PackedFile>();
  for (const { filename, start, end } of table.files) {
    if (start < 0 || end > blob.length || end < start) {
      throw new Error(`Packed file ${filename} claims bytes ${start}..${end}, outside the ${blob.length}-byte blob.`);
    }
    const name = filename.slice(filename.lastIndexOf("/") + 1);
    files.set(name, { name, path: filename, bytes: blob.subarray(start, end) });
  }
  return files;
}
