// A read-only view of one flatbuffer table, addressed by field slot, so the TFLite and metadata readers stay schema-light.
import { ByteBuffer } from "flatbuffers";

export class TableView {
  constructor(
    readonly bb: ByteBuffer,
    /** Absolute position of the table in the buffer (what a uoffset pointing at it resolves to). */
    readonly pos: number,
  ) {}

  static root(bytes: Uint8Array): TableView {
    const bb = new ByteBuffer(bytes);
    return new TableView(bb, bb.readUint32(0));
  }

  /** Absolute position of a field's inline value, or 0 when the field is absent (slot = index in schema order). */
  fieldPos(slot: number): number {
    const rel = this.bb.__offset(this.pos, 4 + 2 * slot);
    return rel === 0 ? 0 : this.pos + rel;
  }

  has(slot: number): boolean {
    return this.fieldPos(slot) !== 0;
  }

  private scalar(slot: number, fallback: number, read: (at: number) => number): number {
    const at = this.fieldPos(slot);
    return at ? read(at) : fallback;
  }

  u8(slot: number, fallback = 0): number {
    return this.scalar(slot, fallback, (at) => this.bb.readUint8(at));
  }

  i8(slot: number, fallback = 0): number {
    return this.scalar(slot, fallback, (at) => this.bb.readInt8(at));
  }

  i32(slot: number, fallback = 0): number {
    return this.scalar(slot, fallback, (at) => this.bb.readInt32(at));
  }

  u32(slot: number, fallback = 0): number {
    return this.scalar(slot, fallback, (at) => this.bb.readUint32(at));
  }

  /** Absolute position of whatever an offset field points to (table, vector or string), or 0. */
  targetPos(slot: number): number {
    const at = this.fieldPos(slot);
    return at ? this.bb.__indirect(at) : 0;
  }

  str(slot: number): string | undefined {
    const at = this.fieldPos(slot);
    return at ? (this.bb.__string(at) as string) : undefined;
  }

  table(slot: number): TableView | undefined {
    const target = this.targetPos(slot);
    return target ? new TableView(this.bb, target) : undefined;
  }

  /** Start (first element) and length of a vector field, or undefined when absent. */
  vector(slot: number): { start: number; length: number } | undefined {
    const at = this.fieldPos(slot);
    if (!at) return undefined;
    return { start: this.bb.__vector(at), length: this.bb.__vector_len(at) };
  }

  tables(slot: number): TableView[] {
    const v = this.vector(slot);
    if (!v) return [];
    return Array.from({ length: v.length }, (_, i) => new TableView(this.bb, this.bb.__indirect(v.start + 4 * i)));
  }

  i32s(slot: number): number[] {
    const v = this.vector(slot);
    if (!v) return [];
    return Array.from({ length: v.length }, (_, i) => this.bb.readInt32(v.start + 4 * i));
  }

  f32s(slot: number): number[] {
    const v = this.vector(slot);
    if (!v) return [];
    return Array.from({ length: v.length }, (_, i) => this.bb.readFloat32(v.start + 4 * i));
  }

  bytes(slot: number): Uint8Array | undefined {
    const v = this.vector(slot);
    return v ? this.bb.bytes().subarray(v.start, v.start + v.length) : undefined;
  }
}
