// Reads the parts of a TFLite model (schema.fbs, file identifier "TFL3") that the asset build inspects or changes.
import { TableView } from "./flatbuffer-view.ts";

/** Field slots in schema order (tensorflow/compiler/mlir/lite/schema/schema.fbs). */
export const Slot = {
  Model: {
    version: 0,
    operatorCodes: 1,
    subgraphs: 2,
    description: 3,
    buffers: 4,
    metadataBuffer: 5,
    metadata: 6,
    signatureDefs: 7,
  },
  SubGraph: { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4 },
  Tensor: { shape: 0, type: 1, buffer: 2, name: 3 },
  OperatorCode: { deprecatedBuiltinCode: 0, customCode: 1, version: 2, builtinCode: 3 },
  Operator: { opcodeIndex: 0, inputs: 1, outputs: 2, builtinOptionsType: 3, builtinOptions: 4 },
  Buffer: { data: 0 },
  Metadata: { name: 0, buffer: 1 },
} as const;

export const TensorType = { FLOAT32: 0, INT32: 2 } as const;

/** BuiltinOperator codes used here. */
export const BuiltinOperator = { CONCATENATION: 2, GATHER: 36, MEAN: 40 } as const;

/** Positions in the BuiltinOptions union (NONE = 0). */
export const BuiltinOptionsType = { ConcatenationOptions: 10, GatherOptions: 23, ReducerOptions: 27 } as const;

export interface TensorInfo {
  index: number;
  name: string;
  shape: number[];
  type: number;
  buffer: number;
}

export interface OperatorCodeInfo {
  builtinCode: number;
  customCode?: string;
  version: number;
}

export interface MetadataEntry {
  name: string;
  buffer: number;
}

/** A parsed model: table positions for reuse when rewriting, plus the decoded fields the build needs. */
export interface TfliteModel {
  bytes: Uint8Array;
  root: TableView;
  subgraphs: TableView[];
  tensors: TensorInfo[];
  inputs: number[];
  outputs: number[];
  operatorCodes: OperatorCodeInfo[];
  operatorCount: number;
  bufferCount: number;
  metadata: MetadataEntry[];
}

export function readTfliteModel(bytes: Uint8Array, label = "model"): TfliteModel {
  if (bytes.length < 8 || String.fromCharCode(...bytes.subarray(4, 8)) !== "TFL3") {
    throw new Error(`${label} is not a TFLite flatbuffer (file identifier "TFL3" missing).`);
  }
  const root = TableView.root(bytes);
  const subgraphs = root.tables(Slot.Model.subgraphs);
  const main = subgraphs[0];
  if (!main) throw new Error(`${label} has no subgraph.`);
  const tensors = main.tables(Slot.SubGraph.tensors).map((t, index) => ({
    index,
    name: t.str(Slot.Tensor.name) ?? "",
    shape: t.i32s(Slot.Tensor.shape),
    type: t.i8(Slot.Tensor.type),
    buffer: t.u32(Slot.Tensor.buffer),
  }));
  const operatorCodes = root.tables(Slot.Model.operatorCodes).map((c) => {
    const deprecated = c.i8(Slot.OperatorCode.deprecatedBuiltinCode);
    const extended = c.i32(Slot.OperatorCode.builtinCode);
    return {
      // Old files only set the byte-sized code; newer ones set both (the larger wins).
      builtinCode: Math.max(deprecated, extended),
      customCode: c.str(Slot.OperatorCode.customCode),
      version: c.i32(Slot.OperatorCode.version, 1),
    };
  });
  return {
    bytes,
    root,
    subgraphs,
    tensors,
    inputs: main.i32s(Slot.SubGraph.inputs),
    outputs: main.i32s(Slot.SubGraph.outputs),
    operatorCodes,
    operatorCount: main.vector(Slot.SubGraph.operators)?.length ?? 0,
    bufferCount: root.vector(Slot.Model.buffers)?.length ?? 0,
    metadata: root.tables(Slot.Model.metadata).map((m) => ({
      name: m.str(Slot.Metadata.name) ?? "",
      buffer: m.u32(Slot.Metadata.buffer),
    })),
  };
}

/** The bytes of buffer `index` (empty when the buffer holds no data). */
export function bufferData(model: TfliteModel, index: number): Uint8Array {
  const buffer = model.root.tables(Slot.Model.buffers)[index];
  if (!buffer) throw new Error(`Buffer ${index} does not exist (the model has ${model.bufferCount}).`);
  return buffer.bytes(Slot.Buffer.data) ?? new Uint8Array(0);
}

/** Finds a tensor of the main subgraph by name, with an error that lists what is there. */
export function tensorByName(model: TfliteModel, name: string, label = "model"): TensorInfo {
  const found = model.tensors.find((t) => t.name === name);
  if (!found) {
    const outputs = model.outputs.map((i) => model.tensors[i]?.name).join(", ");
    throw new Error(`${label} has no tensor named "${name}" (its outputs are: ${outputs}).`);
  }
  return found;
}
