// Rewrites a TFLite model with extra buffers, tensors, operators, outputs and named metadata, keeping every original table and weight byte for byte.
//
// Why this shape: flatbuffer offsets only point forwards, and a Builder writes back to front. So the original file is
// written first (it ends up at the end of the new file, 16-byte aligned as it was) and the new root Model, main SubGraph
// and the vectors that grow are written in front of it, pointing at the untouched original tables. No operator options,
// quantisation or custom-op tables need to be understood or re-encoded.
import { Builder } from "flatbuffers";
import { Slot, type TfliteModel, type TensorInfo } from "./tflite-model.ts";

export interface NewTensor {
  name: string;
  shape: number[];
  type: number;
  /** Constant data (little-endian), or undefined for an activation tensor. */
  data?: Uint8Array;
}

export interface NewOperator {
  builtinCode: number;
  inputs: number[];
  outputs: number[];
  optionsType: number;
  /** Writes the options table and returns its offset. */
  writeOptions: (b: Builder) => number;
}

export class TfliteModelEditor {
  private readonly newBuffers: Uint8Array[] = [];
  private readonly newTensors: (Omit<NewTensor, "data"> & { buffer: number })[] = [];
  private readonly newCodes: number[] = [];
  private readonly newOperators: (NewOperator & { opcodeIndex: number })[] = [];
  private readonly newMetadata: { name: string; buffer: number }[] = [];
  private outputs: number[];

  constructor(private readonly model: TfliteModel) {
    this.outputs = [...model.outputs];
  }

  get tensors(): readonly TensorInfo[] {
    return this.model.tensors;
  }

  addBuffer(data: Uint8Array): number {
    this.newBuffers.push(data);
    return this.model.bufferCount + this.newBuffers.length - 1;
  }

  addTensor(tensor: NewTensor): number {
    const buffer = tensor.data ? this.addBuffer(tensor.data) : 0;
    this.newTensors.push({ name: tensor.name, shape: tensor.shape, type: tensor.type, buffer });
    return this.model.tensors.length + this.newTensors.length - 1;
  }

  addOperator(op: NewOperator): void {
    this.newOperators.push({ ...op, opcodeIndex: this.operatorCodeIndex(op.builtinCode) });
  }

  setOutputs(outputs: number[]): void {
    this.outputs = [...outputs];
  }

  /** Adds a Model.metadata entry; an existing entry of the same name is an error rather than a silent duplicate. */
  addMetadata(name: string, data: Uint8Array): void {
    if (this.model.metadata.some((m) => m.name === name) || this.newMetadata.some((m) => m.name === name)) {
      throw new Error(
        `The model already has metadata named "${name}"; build from the original file, not an already patched one.`,
      );
    }
    this.newMetadata.push({ name, buffer: this.addBuffer(data) });
  }

  private operatorCodeIndex(builtinCode: number): number {
    const existing = this.model.operatorCodes.findIndex(
      (c) => c.builtinCode === builtinCode && c.customCode === undefined,
    );
    if (existing >= 0) return existing;
    const added = this.newCodes.indexOf(builtinCode);
    if (added >= 0) return this.model.operatorCodes.length + added;
    this.newCodes.push(builtinCode);
    return this.model.operatorCodes.length + this.newCodes.length - 1;
  }

  toBytes(): Uint8Array {
    const { model } = this;
    const original = model.bytes;
    const b = new Builder(original.length + 65536);
    // Zero padding so that the original's first byte lands on a 16-byte boundary of the final file.
    const pad = (16 - (original.length % 16)) % 16;
    writeAlignedBytes(b, original, pad);
    const chunkEnd = b.offset() - 4; // the vector's length prefix sits just before the chunk
    const oldRef = (pos: number): number => chunkEnd - pos;

    const bufferOffsets = this.newBuffers.map((data) => {
      const dataOffset = writeAlignedBytes(b, data, 0);
      b.startObject(3);
      b.addFieldOffset(Slot.Buffer.data, dataOffset, 0);
      return b.endObject();
    });
    const metadataOffsets = this.newMetadata.map((m) => {
      const name = b.createString(m.name);
      b.startObject(2);
      b.addFieldOffset(Slot.Metadata.name, name, 0);
      b.addFieldInt32(Slot.Metadata.buffer, m.buffer, 0);
      return b.endObject();
    });
    const tensorOffsets = this.newTensors.map((t) => {
      const shape = int32Vector(b, t.shape);
      const name = b.createString(t.name);
      b.startObject(4);
      b.addFieldOffset(Slot.Tensor.shape, shape, 0);
      b.addFieldInt8(Slot.Tensor.type, t.type, 0);
      b.addFieldInt32(Slot.Tensor.buffer, t.buffer, 0);
      b.addFieldOffset(Slot.Tensor.name, name, 0);
      return b.endObject();
    });
    const codeOffsets = this.newCodes.map((code) => {
      b.startObject(4);
      b.addFieldInt8(Slot.OperatorCode.deprecatedBuiltinCode, Math.min(code, 127), 0);
      b.addFieldInt32(Slot.OperatorCode.version, 1, 1);
      b.addFieldInt32(Slot.OperatorCode.builtinCode, code, 0);
      return b.endObject();
    });
    const operatorOffsets = this.newOperators.map((op) => {
      const options = op.writeOptions(b);
      const inputs = int32Vector(b, op.inputs);
      const outputs = int32Vector(b, op.outputs);
      b.startObject(5);
      b.addFieldInt32(Slot.Operator.opcodeIndex, op.opcodeIndex, 0);
      b.addFieldOffset(Slot.Operator.inputs, inputs, 0);
      b.addFieldOffset(Slot.Operator.outputs, outputs, 0);
      b.addFieldInt8(Slot.Operator.builtinOptionsType, op.optionsType, 0);
      b.addFieldOffset(Slot.Operator.builtinOptions, options, 0);
      return b.endObject();
    });

    const positionsOf = (table: { tables: (slot: number) => { pos: number }[] }, slot: number) =>
      table.tables(slot).map((t) => oldRef(t.pos));
    const main = model.subgraphs[0]!;
    const subgraph = (() => {
      const tensors = offsetVector(b, [...positionsOf(main, Slot.SubGraph.tensors), ...tensorOffsets]);
      const operators = offsetVector(b, [...positionsOf(main, Slot.SubGraph.operators), ...operatorOffsets]);
      const outputs = int32Vector(b, this.outputs);
      b.startObject(5);
      b.addFieldOffset(Slot.SubGraph.tensors, tensors, 0);
      copyOffsetField(b, main, Slot.SubGraph.inputs, oldRef);
      b.addFieldOffset(Slot.SubGraph.outputs, outputs, 0);
      b.addFieldOffset(Slot.SubGraph.operators, operators, 0);
      copyOffsetField(b, main, Slot.SubGraph.name, oldRef);
      return b.endObject();
    })();

    const root = model.root;
    const subgraphs = offsetVector(b, [subgraph, ...model.subgraphs.slice(1).map((s) => oldRef(s.pos))]);
    const codes = offsetVector(b, [...positionsOf(root, Slot.Model.operatorCodes), ...codeOffsets]);
    const buffers = offsetVector(b, [...positionsOf(root, Slot.Model.buffers), ...bufferOffsets]);
    const metadata = offsetVector(b, [...positionsOf(root, Slot.Model.metadata), ...metadataOffsets]);
    b.startObject(8);
    b.addFieldInt32(Slot.Model.version, root.u32(Slot.Model.version, 3), 0);
    b.addFieldOffset(Slot.Model.operatorCodes, codes, 0);
    b.addFieldOffset(Slot.Model.subgraphs, subgraphs, 0);
    copyOffsetField(b, root, Slot.Model.description, oldRef);
    b.addFieldOffset(Slot.Model.buffers, buffers, 0);
    copyOffsetField(b, root, Slot.Model.metadataBuffer, oldRef);
    if (metadataOffsets.length > 0 || root.has(Slot.Model.metadata)) b.addFieldOffset(Slot.Model.metadata, metadata, 0);
    copyOffsetField(b, root, Slot.Model.signatureDefs, oldRef);
    b.finish(b.endObject(), "TFL3");
    return b.asUint8Array().slice();
  }
}

/** Writes bytes as a [ubyte] vector whose first byte is 16-byte aligned (TFLite's force_align on Buffer.data). */
function writeAlignedBytes(b: Builder, data: Uint8Array, trailingPad: number): number {
  const total = data.length + trailingPad;
  b.startVector(1, total, 16);
  b.pad(total);
  const start = b.dataBuffer().capacity() - b.offset();
  b.dataBuffer().bytes().set(data, start);
  return b.endVector();
}

function int32Vector(b: Builder, values: number[]): number {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addInt32(values[i]!);
  return b.endVector();
}

function offsetVector(b: Builder, offsets: number[]): number {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]!);
  return b.endVector();
}

/** Points a new table's field at the same string/vector/table the original table pointed at. */
function copyOffsetField(
  b: Builder,
  table: { targetPos: (slot: number) => number },
  slot: number,
  oldRef: (pos: number) => number,
): void {
  const target = table.targetPos(slot);
  if (target) b.addFieldOffset(slot, oldRef(target), 0);
}
