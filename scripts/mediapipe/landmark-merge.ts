// Turns face_landmark_with_attention.tflite's six landmark outputs into the single [1,1,1,1434] tensor FaceLandmarker expects.
import type { Builder } from "flatbuffers";
import {
  CONCAT_PARTS,
  eyeContourDepthIndices,
  mergedLandmarkGatherIndices,
  MERGED_POINTS,
} from "./landmark-index-tables.ts";
import type { TfliteModelEditor } from "./tflite-editor.ts";
import { BuiltinOperator, BuiltinOptionsType, tensorByName, TensorType, type TfliteModel } from "./tflite-model.ts";

/** Output tensor names of the attention model, in concatenation order (see CONCAT_PARTS). */
export const ATTENTION_OUTPUTS = [
  "output_mesh_identity",
  "output_lips",
  "output_left_eye",
  "output_right_eye",
  "output_left_iris",
  "output_right_iris",
] as const;
export const FACE_FLAG_OUTPUT = "conv_faceflag";
export const MERGED_OUTPUT = "merged_landmarks";

const LAST_AXIS = 3;

/**
 * Appends GATHER (eye-contour depths as [2,16]) -> MEAN (iris depths) -> CONCATENATION (axis 3) -> GATHER (axis 3)
 * and makes [merged landmarks, face flag] the graph outputs. `indices` is replaceable so a test can prove a wrong
 * table is caught.
 */
export function addMergedLandmarkOutput(
  editor: TfliteModelEditor,
  model: TfliteModel,
  indices: Int32Array = mergedLandmarkGatherIndices(),
): void {
  const label = "face_landmark_with_attention.tflite";
  const expected = Object.values(CONCAT_PARTS);
  const parts = ATTENTION_OUTPUTS.map((name, i) => {
    const tensor = tensorByName(model, name, label);
    const length = tensor.shape.reduce((a, b) => a * b, 1);
    if (tensor.shape.length !== 4 || length !== expected[i]) {
      throw new Error(`${label} output "${name}" has shape [${tensor.shape}], expected [1,1,1,${expected[i]}].`);
    }
    return tensor.index;
  });
  const faceFlag = tensorByName(model, FACE_FLAG_OUTPUT, label).index;
  const mesh = parts[0]!;

  const depthIndices = editor.addTensor({
    name: "eye_contour_depth_indices",
    shape: [2, 16],
    type: TensorType.INT32,
    data: int32Bytes(eyeContourDepthIndices()),
  });
  const depths = editor.addTensor({ name: "eye_contour_depths", shape: [1, 1, 1, 2, 16], type: TensorType.FLOAT32 });
  editor.addOperator(gather(mesh, depthIndices, depths));

  const meanAxis = editor.addTensor({
    name: "eye_contour_depth_axis",
    shape: [1],
    type: TensorType.INT32,
    data: int32Bytes(Int32Array.of(4)),
  });
  const irisDepths = editor.addTensor({ name: "iris_depths", shape: [1, 1, 1, 2], type: TensorType.FLOAT32 });
  editor.addOperator({
    builtinCode: BuiltinOperator.MEAN,
    inputs: [depths, meanAxis],
    outputs: [irisDepths],
    optionsType: BuiltinOptionsType.ReducerOptions,
    writeOptions: (b) => table(b, (bb) => bb.addFieldInt8(0, 0, 0)), // keep_dims = false
  });

  const concatLength = expected.reduce((a, b) => a + b, 0);
  const concat = editor.addTensor({
    name: "all_landmark_outputs",
    shape: [1, 1, 1, concatLength],
    type: TensorType.FLOAT32,
  });
  editor.addOperator({
    builtinCode: BuiltinOperator.CONCATENATION,
    inputs: [...parts, irisDepths],
    outputs: [concat],
    optionsType: BuiltinOptionsType.ConcatenationOptions,
    writeOptions: (b) => table(b, (bb) => bb.addFieldInt32(0, LAST_AXIS, 0)), // axis; no fused activation
  });

  if (indices.length !== MERGED_POINTS * 3 || indices.some((i) => i < 0 || i >= concatLength)) {
    throw new Error(`The merge index table must hold ${MERGED_POINTS * 3} indices below ${concatLength}.`);
  }
  const mergeIndices = editor.addTensor({
    name: "merged_landmark_indices",
    shape: [indices.length],
    type: TensorType.INT32,
    data: int32Bytes(indices),
  });
  const merged = editor.addTensor({ name: MERGED_OUTPUT, shape: [1, 1, 1, indices.length], type: TensorType.FLOAT32 });
  editor.addOperator(gather(concat, mergeIndices, merged));

  editor.setOutputs([merged, faceFlag]);
}

function gather(params: number, indices: number, output: number) {
  return {
    builtinCode: BuiltinOperator.GATHER,
    inputs: [params, indices],
    outputs: [output],
    optionsType: BuiltinOptionsType.GatherOptions,
    writeOptions: (b: Builder) => table(b, (bb) => bb.addFieldInt32(0, LAST_AXIS, 0)), // axis
  };
}

function table(b: Builder, fill: (b: Builder) => void): number {
  b.startObject(2);
  fill(b);
  return b.endObject();
}

export function int32Bytes(values: Int32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setInt32(4 * i, v, true));
  return bytes;
}
