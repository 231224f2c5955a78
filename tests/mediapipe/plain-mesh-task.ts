// Test-only .task bundles for the merge check: the plain 468-point face_landmark.tflite, and the attention model merged with a wrong table.
import { assembleModels, withMetadata } from "../../scripts/mediapipe/assemble-models.ts";
import {
  mergedLandmarkGatherIndices,
  LIPS_REFINEMENT,
  MERGED_POINTS,
  MESH_POINTS,
  concatOffsets,
} from "../../scripts/mediapipe/landmark-index-tables.ts";
import { int32Bytes } from "../../scripts/mediapipe/landmark-merge.ts";
import type { MediapipeSources } from "../../scripts/mediapipe/mediapipe-sources.ts";
import { unpackAssets } from "../../scripts/mediapipe/packed-assets.ts";
import { writeStoredZip } from "../../scripts/mediapipe/stored-zip.ts";
import { TfliteModelEditor } from "../../scripts/mediapipe/tflite-editor.ts";
import {
  BuiltinOperator,
  BuiltinOptionsType,
  readTfliteModel,
  tensorByName,
  TensorType,
} from "../../scripts/mediapipe/tflite-model.ts";

/**
 * face_landmark.tflite (no attention, no irises) padded to the 478-point layout FaceLandmarker expects: the 468 mesh
 * points unchanged, the ten iris slots filled with the eye corners (33 and 263) because this model has no irises.
 * It is an independent estimate of where the lips and eye contours are.
 */
export function buildPlainMeshTask(sources: MediapipeSources): Uint8Array {
  const packed = unpackAssets(sources.faceMeshLoader, sources.faceMeshData);
  const plain = readTfliteModel(packed.get("face_landmark.tflite")!.bytes, "face_landmark.tflite");
  const editor = new TfliteModelEditor(plain);
  const mesh = tensorByName(plain, "conv2d_21", "face_landmark.tflite").index;
  const flag = tensorByName(plain, "conv2d_31", "face_landmark.tflite").index;
  const indices = new Int32Array(MERGED_POINTS * 3);
  for (let p = 0; p < MERGED_POINTS; p++) {
    const source = p < MESH_POINTS ? p : p < MESH_POINTS + 5 ? 33 : 263;
    for (let c = 0; c < 3; c++) indices[3 * p + c] = 3 * source + c;
  }
  const table = editor.addTensor({
    name: "padded_indices",
    shape: [indices.length],
    type: TensorType.INT32,
    data: int32Bytes(indices),
  });
  const out = editor.addTensor({
    name: "padded_landmarks",
    shape: [1, 1, 1, indices.length],
    type: TensorType.FLOAT32,
  });
  editor.addOperator({
    builtinCode: BuiltinOperator.GATHER,
    inputs: [mesh, table],
    outputs: [out],
    optionsType: BuiltinOptionsType.GatherOptions,
    writeOptions: (b) => {
      b.startObject(1);
      b.addFieldInt32(0, 3, 0);
      return b.endObject();
    },
  });
  editor.setOutputs([out, flag]);
  const padded = withMetadata(editor.toBytes(), {
    label: "face_landmark.tflite (padded)",
    name: "Plain face mesh for tests",
    description: "Test-only",
    mean: [0],
    std: [255],
  });
  const shipped = assembleModels(sources).taskFiles;
  return writeStoredZip([
    { name: "face_detector.tflite", bytes: shipped.get("face_detector.tflite")! },
    { name: "face_landmarks_detector.tflite", bytes: padded },
    {
      name: "geometry_pipeline_metadata_landmarks.binarypb",
      bytes: shipped.get("geometry_pipeline_metadata_landmarks.binarypb")!,
    },
  ]);
}

/** The shipped recipe with the lips rows of the index table reversed: the merge check must notice this. */
export function buildWrongMergeTask(sources: MediapipeSources): Uint8Array {
  const indices = mergedLandmarkGatherIndices();
  const lipsStart = concatOffsets().lips;
  LIPS_REFINEMENT.forEach((point, k) => {
    const wrong = LIPS_REFINEMENT.length - 1 - k;
    indices[3 * point] = lipsStart + 2 * wrong;
    indices[3 * point + 1] = lipsStart + 2 * wrong + 1;
  });
  return assembleModels(sources, { mergeIndices: indices }).faceLandmarkerTask;
}
