/**
 * The immediates that follow an opcode: their decoded shapes, and one reader and one writer per
 * layout in opcodes.ts. Readers keep every value exact (float constants as raw bits, so NaN
 * payloads survive; i64 constants as bigint).
 */
import { WasmDecodeError, type ByteReader, type ByteWriter } from './leb128.js';

/**
 * How an opcode's immediates are laid out. `zeroByte` is a reserved 0x00 byte (atomic.fence)
 * that decodes to no immediates; `indexPair` is two u32s in binary order (memory.init: data then
 * memory, table.init: element then table, memory.copy and table.copy: destination then source).
 */
export type ImmediateKind =
  | 'none'
  | 'zeroByte'
  | 'block'
  | 'index'
  | 'indexPair'
  | 'brTable'
  | 'memarg'
  | 'memargLane'
  | 'lane'
  | 'i32'
  | 'i64'
  | 'f32'
  | 'f64'
  | 'v128'
  | 'shuffle'
  | 'selectTypes'
  | 'refType';

export type ValueType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref';
export type RefType = 'funcref' | 'externref';

/** No result, one result, or (multi-value) a type index whose signature the block has. */
export type BlockType = 'empty' | ValueType | number;

export interface MemArg {
  /** log2 of the alignment, without the multi-memory flag bit. */
  readonly align: number;
  readonly offset: number;
  readonly memory: number;
}

export type Immediates =
  | { readonly kind: 'none' }
  | { readonly kind: 'block'; readonly blockType: BlockType }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'indexPair'; readonly first: number; readonly second: number }
  | { readonly kind: 'brTable'; readonly labels: readonly number[]; readonly defaultLabel: number }
  | { readonly kind: 'memarg'; readonly memarg: MemArg }
  | { readonly kind: 'memargLane'; readonly memarg: MemArg; readonly lane: number }
  | { readonly kind: 'lane'; readonly lane: number }
  | { readonly kind: 'i32'; readonly value: number }
  | { readonly kind: 'i64'; readonly value: bigint }
  | { readonly kind: 'f32'; readonly bits: number }
  | { readonly kind: 'f64'; readonly bits: bigint }
  | { readonly kind: 'v128'; readonly bytes: readonly number[] }
  | { readonly kind: 'shuffle'; readonly lanes: readonly number[] }
  | { readonly kind: 'selectTypes'; readonly types: readonly ValueType[] }
  | { readonly kind: 'refType'; readonly refType: RefType };

const VALUE_TYPES = new Map<number, ValueType>([
  [0x7f, 'i32'],
  [0x7e, 'i64'],
  [0x7d, 'f32'],
  [0x7c, 'f64'],
  [0x7b, 'v128'],
  [0x70, 'funcref'],
  [0x6f, 'externref'],
]);
const VALUE_TYPE_CODES = new Map([...VALUE_TYPES].map(([code, type]) => [type, code]));

export function valueTypeCode(type: ValueType): number {
  const code = VALUE_TYPE_CODES.get(type);
  if (code === undefined) throw new RangeError(`unknown value type '${String(type)}'`);
  return code;
}

export function readValueType(reader: ByteReader): ValueType {
  const at = reader.offset;
  const code = reader.u8();
  const type = VALUE_TYPES.get(code);
  if (!type) {
    throw new WasmDecodeError(
      `expected a value type (i32, i64, f32, f64, v128, funcref, externref) but found 0x${code.toString(16)}`,
      at,
    );
  }
  return type;
}

function readBlockType(reader: ByteReader): BlockType {
  const at = reader.offset;
  const first = reader.bytes[at];
  if (first === 0x40) {
    reader.offset++;
    return 'empty';
  }
  const type = first === undefined ? undefined : VALUE_TYPES.get(first);
  if (type) {
    reader.offset++;
    return type;
  }
  const index = reader.s33();
  if (index < 0) {
    throw new WasmDecodeError(
      `expected a block type (0x40, a value type or a type index) but found 0x${first?.toString(16)}`,
      at,
    );
  }
  return index;
}

function readMemArg(reader: ByteReader): MemArg {
  const flags = reader.u32();
  // Bit 6 of the alignment field is the multi-memory flag: a memory index follows.
  const memory = flags & 0x40 ? reader.u32() : 0;
  return { align: flags & 0x40 ? flags - 0x40 : flags, memory, offset: reader.u64Number() };
}

function readRefType(reader: ByteReader): RefType {
  const at = reader.offset;
  const code = reader.u8();
  if (code === 0x70) return 'funcref';
  if (code === 0x6f) return 'externref';
  throw new WasmDecodeError(
    `expected heap type func (0x70) or extern (0x6f) but found 0x${code.toString(16)} (typed references are not supported)`,
    at,
  );
}

const readLaneBytes = (reader: ByteReader): number[] => Array.from(reader.take(16));

export function readImmediatesOfKind(reader: ByteReader, kind: ImmediateKind): Immediates {
  switch (kind) {
    case 'none':
      return { kind };
    case 'zeroByte':
      reader.expectByte(0x00, 'reserved byte');
      return { kind: 'none' };
    case 'block':
      return { kind, blockType: readBlockType(reader) };
    case 'index':
      return { kind, index: reader.u32() };
    case 'indexPair':
      return { kind, first: reader.u32(), second: reader.u32() };
    case 'brTable': {
      const labels = Array.from({ length: reader.u32() }, () => reader.u32());
      return { kind, labels, defaultLabel: reader.u32() };
    }
    case 'memarg':
      return { kind, memarg: readMemArg(reader) };
    case 'memargLane':
      return { kind, memarg: readMemArg(reader), lane: reader.u8() };
    case 'lane':
      return { kind, lane: reader.u8() };
    case 'i32':
      return { kind, value: reader.s32() };
    case 'i64':
      return { kind, value: reader.s64() };
    case 'f32': {
      const view = reader.take(4);
      return { kind, bits: new DataView(view.buffer, view.byteOffset, 4).getUint32(0, true) };
    }
    case 'f64': {
      const view = reader.take(8);
      return { kind, bits: new DataView(view.buffer, view.byteOffset, 8).getBigUint64(0, true) };
    }
    case 'v128':
      return { kind, bytes: readLaneBytes(reader) };
    case 'shuffle':
      return { kind, lanes: readLaneBytes(reader) };
    case 'selectTypes':
      return { kind, types: Array.from({ length: reader.u32() }, () => readValueType(reader)) };
    case 'refType':
      return { kind, refType: readRefType(reader) };
  }
}

function writeMemArg(writer: ByteWriter, { align, offset, memory }: MemArg): void {
  if (memory === 0) writer.u32(align);
  else writer.u32(align | 0x40).u32(memory);
  writer.u64(offset);
}

function writeSixteen(writer: ByteWriter, bytes: readonly number[], what: string): void {
  if (bytes.length !== 16) throw new RangeError(`expected 16 ${what}, got ${bytes.length}`);
  writer.bytes(bytes);
}

/** Writes immediates already checked against `kind` (see checkImmediates in instructions.ts). */
export function writeImmediates(
  writer: ByteWriter,
  kind: ImmediateKind,
  immediates: Immediates,
): void {
  if (kind === 'zeroByte') {
    writer.u8(0x00);
    return;
  }
  switch (immediates.kind) {
    case 'none':
      return;
    case 'block': {
      const { blockType } = immediates;
      if (blockType === 'empty') writer.u8(0x40);
      else if (typeof blockType === 'number') writer.s33(blockType);
      else writer.u8(valueTypeCode(blockType));
      return;
    }
    case 'index':
      writer.u32(immediates.index);
      return;
    case 'indexPair':
      writer.u32(immediates.first).u32(immediates.second);
      return;
    case 'brTable':
      writer.u32(immediates.labels.length);
      for (const label of immediates.labels) writer.u32(label);
      writer.u32(immediates.defaultLabel);
      return;
    case 'memarg':
      writeMemArg(writer, immediates.memarg);
      return;
    case 'memargLane':
      writeMemArg(writer, immediates.memarg);
      writer.u8(immediates.lane);
      return;
    case 'lane':
      writer.u8(immediates.lane);
      return;
    case 'i32':
      writer.s32(immediates.value);
      return;
    case 'i64':
      writer.s64(immediates.value);
      return;
    case 'f32': {
      const bytes = new Uint8Array(4);
      new DataView(bytes.buffer).setUint32(0, immediates.bits, true);
      writer.bytes(bytes);
      return;
    }
    case 'f64': {
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigUint64(0, immediates.bits, true);
      writer.bytes(bytes);
      return;
    }
    case 'v128':
      writeSixteen(writer, immediates.bytes, 'bytes in a v128.const');
      return;
    case 'shuffle':
      writeSixteen(writer, immediates.lanes, 'lane indices in an i8x16.shuffle');
      return;
    case 'selectTypes':
      writer.u32(immediates.types.length);
      for (const type of immediates.types) writer.u8(valueTypeCode(type));
      return;
    case 'refType':
      writer.u8(immediates.refType === 'funcref' ? 0x70 : 0x6f);
      return;
  }
}
