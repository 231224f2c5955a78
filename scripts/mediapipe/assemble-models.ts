// Builds, in memory, the model files Webside serves: face_landmarker.task and face_detector_full_range.tflite.
import { addMergedLandmarkOutput, FACE_FLAG_OUTPUT, MERGED_OUTPUT } from "./landmark-merge.ts";
import { buildImageModelMetadata, METADATA_NAME } from "./model-metadata.ts";
import type { MediapipeSources } from "./mediapipe-sources.ts";
import { unpackAssets } from "./packed-assets.ts";
import { writeStoredZip } from "./stored-zip.ts";
import { TfliteModelEditor } from "./tflite-editor.ts";
import { readTfliteModel } from "./tflite-model.ts";

/** BlazeFace wants pixels in [-1, 1]. */
const DETECTOR_NORMALIZATION = { mean: [127.5], std: [127.5] };
/** The face mesh wants pixels in [0, 1]. */
const LANDMARK_NORMALIZATION = { mean: [0], std: [255] };

const LICENSE = "Apache-2.0";
const AUTHOR = "Google LLC (MediaPipe); metadata and output merge added by Webside's install-time build";

export interface AssembledModels {
  /** Zip of face_detector.tflite, face_landmarks_detector.tflite, geometry_pipeline_metadata_landmarks.binarypb. */
  faceLandmarkerTask: Uint8Array;
  faceDetectorFullRange: Uint8Array;
  /** The individual files inside the .task, for tests and the browser check. */
  taskFiles: Map<string, Uint8Array>;
}

export function assembleModels(
  sources: MediapipeSources,
  options: { mergeIndices?: Int32Array } = {},
): AssembledModels {
  const packed = unpackAssets(
    sources.faceMeshLoader,
    sources.faceMeshData,
    "@mediapipe/face_mesh/face_mesh_solution_packed_assets_loader.js",
  );
  const need = (name: string) => {
    const file = packed.get(name);
    if (!file)
      throw new Error(
        `@mediapipe/face_mesh's packed assets no longer contain ${name} (found: ${[...packed.keys()].join(", ")}).`,
      );
    return file.bytes;
  };

  const shortRange = withMetadata(need("face_detection_short_range.tflite"), {
    label: "face_detection_short_range.tflite",
    name: "BlazeFace short range",
    description: "Face detector for faces within about 2 m of the camera.",
    ...DETECTOR_NORMALIZATION,
  });
  const landmarks = mergedLandmarkModel(need("face_landmark_with_attention.tflite"), options.mergeIndices);
  const geometry = need("geometry_pipeline_metadata_landmarks.binarypb");
  const taskFiles = new Map<string, Uint8Array>([
    ["face_detector.tflite", shortRange],
    ["face_landmarks_detector.tflite", landmarks],
    ["geometry_pipeline_metadata_landmarks.binarypb", geometry],
  ]);
  const fullRange = withMetadata(sources.fullRangeDetector, {
    label: "face_detection_full_range.tflite",
    name: "BlazeFace full range",
    description: "Face detector for small and distant faces; tells 'too far away' apart from 'no one there'.",
    ...DETECTOR_NORMALIZATION,
  });
  return {
    faceLandmarkerTask: writeStoredZip([...taskFiles].map(([name, bytes]) => ({ name, bytes }))),
    faceDetectorFullRange: fullRange,
    taskFiles,
  };
}

interface MetadataRecipe {
  label: string;
  name: string;
  description: string;
  mean: number[];
  std: number[];
}

function metadataFor(
  model: ReturnType<typeof readTfliteModel>,
  recipe: MetadataRecipe,
  outputNames?: string[],
): Uint8Array {
  const input = model.tensors[model.inputs[0] ?? -1];
  if (model.inputs.length !== 1 || !input || input.shape.length !== 4 || input.shape[3] !== 3) {
    throw new Error(`${recipe.label} should take one [1, height, width, 3] image input.`);
  }
  return buildImageModelMetadata({
    name: recipe.name,
    description: recipe.description,
    mean: recipe.mean,
    std: recipe.std,
    inputName: input.name,
    outputNames: outputNames ?? model.outputs.map((i) => model.tensors[i]?.name ?? ""),
    license: LICENSE,
    author: AUTHOR,
  });
}

/** Adds TFLITE_METADATA describing the image input to an otherwise unchanged model. */
export function withMetadata(bytes: Uint8Array, recipe: MetadataRecipe): Uint8Array {
  const model = readTfliteModel(bytes, recipe.label);
  const editor = new TfliteModelEditor(model);
  editor.addMetadata(METADATA_NAME, metadataFor(model, recipe));
  return editor.toBytes();
}

function mergedLandmarkModel(bytes: Uint8Array, mergeIndices?: Int32Array): Uint8Array {
  const label = "face_landmark_with_attention.tflite";
  const model = readTfliteModel(bytes, label);
  const editor = new TfliteModelEditor(model);
  addMergedLandmarkOutput(editor, model, mergeIndices);
  editor.addMetadata(
    METADATA_NAME,
    metadataFor(
      model,
      {
        label,
        name: "Face mesh with attention, 478 landmarks",
        description:
          "468 face mesh points refined around lips and eyes, plus 5 points per iris, as one [1,1,1,1434] tensor; then the face flag.",
        ...LANDMARK_NORMALIZATION,
      },
      [MERGED_OUTPUT, FACE_FLAG_OUTPUT],
    ),
  );
  return editor.toBytes();
}
