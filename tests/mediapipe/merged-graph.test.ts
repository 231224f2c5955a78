// Runs the operators the build appends to the attention model (read back from the built file) on synthetic outputs, and checks the index tables.
import { describe, expect, it } from "vitest";
import { assembleModels } from "../../scripts/mediapipe/assemble-models.ts";
import {
  LEFT_EYE_CONTOUR,
  LEFT_EYE_REFINEMENT,
  LIPS_REFINEMENT,
  mergedLandmarkGatherIndices,
  MERGED_POINTS,
  RIGHT_EYE_CONTOUR,
  RIGHT_EYE_REFINEMENT,
} from "../../scripts/mediapipe/landmark-index-tables.ts";
import { ATTENTION_OUTPUTS } from "../../scripts/mediapipe/landmark-merge.ts";
import { readMediapipeSources } from "../../scripts/mediapipe/mediapipe-sources.ts";
import {
  BuiltinOperator,
  bufferData,
  readTfliteModel,
  Slot,
  tensorByName,
  type TfliteModel,
} from "../../scripts/mediapipe/tflite-model.ts";
import { join } from "node:path";
import { PROJECT_ROOT } from "../../scripts/mediapipe/build-assets.ts";

const sources = readMediapipeSources(join(PROJECT_ROOT, "node_modules"));

/** A tiny interpreter for the four appended ops, reading operator codes, wiring, axes and constants from the model itself. */
function runAppendedOps(model: TfliteModel, inputs: Map<number, Float32Array>, appended: number): Float32Array {
  const values = new Map<number, Float32Array | Int32Array>(inputs);
  const operators = model.subgraphs[0]!.tables(Slot.SubGraph.operators).slice(-appended);
  const constant = (t: number) => {
    const cached = values.get(t);
    if (cached) return cached;
    const bytes = bufferData(model, model.tensors[t]!.buffer);
    return new Int32Array(bytes.slice().buffer);
  };
  for (const op of operators) {
    const code = model.operatorCodes[op.u32(Slot.Operator.opcodeIndex)]!.builtinCode;
    const ins = op.i32s(Slot.Operator.inputs);
    const out = op.i32s(Slot.Operator.outputs)[0]!;
    const options = op.table(Slot.Operator.builtinOptions);
    const expectedLength = model.tensors[out]!.shape.reduce((a, b) => a * b, 1);
    let result: Float32Array;
    if (code === BuiltinOperator.GATHER) {
      expect(options?.i32(0)).toBe(3);
      const params = values.get(ins[0]!)!;
      result = Float32Array.from(constant(ins[1]!), (i) => params[i]!);
    } else if (code === BuiltinOperator.MEAN) {
      const data = values.get(ins[0]!)! as Float32Array;
      const shape = model.tensors[ins[0]!]!.shape;
      const axis = constant(ins[1]!)[0]!;
      expect(axis).toBe(shape.length - 1);
      const n = shape[axis]!;
      result = Float32Array.from(
        { length: data.length / n },
        (_, r) => data.slice(r * n, r * n + n).reduce((a, b) => a + b, 0) / n,
      );
    } else if (code === BuiltinOperator.CONCATENATION) {
      expect(options?.i32(0)).toBe(3);
      const parts = ins.map((i) => values.get(i)!);
      result = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        result.set(p, at);
        at += p.length;
      }
    } else {
      throw new Error(`Unexpected appended op ${code}`);
    }
    expect(result.length).toBe(expectedLength);
    values.set(out, result);
  }
  return values.get(model.outputs[0]!) as Float32Array;
}

/** Synthetic model outputs whose values say where they came from: output o, element e -> o * 10000 + e. */
function syntheticOutputs(model: TfliteModel): Map<number, Float32Array> {
  return new Map(
    ATTENTION_OUTPUTS.map((name, o) => {
      const t = tensorByName(model, name);
      const length = t.shape.reduce((a, b) => a * b, 1);
      return [t.index, Float32Array.from({ length }, (_, e) => o * 10000 + e)];
    }),
  );
}

function mergedModel(indices?: Int32Array): TfliteModel {
  return readTfliteModel(
    assembleModels(sources, { mergeIndices: indices }).taskFiles.get("face_landmarks_detector.tflite")!,
  );
}

describe("the merged landmark graph", () => {
  const model = mergedModel();
  const merged = runAppendedOps(model, syntheticOutputs(model), 4);
  const point = (p: number) => [merged[3 * p]!, merged[3 * p + 1]!, merged[3 * p + 2]!];
  const mesh = (p: number, c: number) => 3 * p + c;

  it("produces 478 x 3 values", () => {
    expect(merged.length).toBe(MERGED_POINTS * 3);
  });

  it("keeps mesh x, y, z for points no refinement touches", () => {
    for (const p of [1, 4, 10, 152, 234, 454]) expect(point(p)).toEqual([mesh(p, 0), mesh(p, 1), mesh(p, 2)]);
  });

  it("takes x, y of lips and eye points from the refined outputs and z from the mesh", () => {
    expect(point(LIPS_REFINEMENT[0])).toEqual([10000, 10001, mesh(61, 2)]);
    expect(point(LIPS_REFINEMENT[79])).toEqual([10000 + 158, 10000 + 159, mesh(407, 2)]);
    expect(point(LEFT_EYE_REFINEMENT[70])).toEqual([20000 + 140, 20000 + 141, mesh(193, 2)]);
    expect(point(RIGHT_EYE_REFINEMENT[8])).toEqual([30000 + 16, 30000 + 17, mesh(362, 2)]);
  });

  it("puts the irises at 468..477 with z the mean eye-contour depth", () => {
    const meanZ = (contour: readonly number[]) => contour.reduce((s, p) => s + mesh(p, 2), 0) / contour.length;
    expect(point(468)).toEqual([40000, 40001, meanZ(LEFT_EYE_CONTOUR)]);
    expect(point(472)).toEqual([40008, 40009, meanZ(LEFT_EYE_CONTOUR)]);
    expect(point(473)).toEqual([50000, 50001, meanZ(RIGHT_EYE_CONTOUR)]);
    expect(point(477)).toEqual([50008, 50009, meanZ(RIGHT_EYE_CONTOUR)]);
  });

  it("would notice a wrong index table", () => {
    const wrong = mergedLandmarkGatherIndices();
    wrong[3 * 61] = wrong[3 * 146]!;
    const bad = mergedModel(wrong);
    const out = runAppendedOps(bad, syntheticOutputs(bad), 4);
    expect(out[3 * 61]).not.toBe(10000);
  });
});

describe("landmark index tables", () => {
  it("refine 80 lip and 71 + 71 eye points, each once, all within the mesh", () => {
    for (const [table, length] of [
      [LIPS_REFINEMENT, 80],
      [LEFT_EYE_REFINEMENT, 71],
      [RIGHT_EYE_REFINEMENT, 71],
    ] as const) {
      expect(table.length).toBe(length);
      expect(new Set(table).size).toBe(length);
      expect(table.every((p) => p >= 0 && p < 468)).toBe(true);
    }
    const all = [...LIPS_REFINEMENT, ...LEFT_EYE_REFINEMENT, ...RIGHT_EYE_REFINEMENT];
    expect(new Set(all).size).toBe(all.length);
  });

  it("list each eye contour as the first 16 points of that eye's refinement", () => {
    expect(LEFT_EYE_REFINEMENT.slice(0, 16)).toEqual([...LEFT_EYE_CONTOUR]);
    expect(RIGHT_EYE_REFINEMENT.slice(0, 16)).toEqual([...RIGHT_EYE_CONTOUR]);
  });
});
