/**
 * LEB128 reading and writing for the binary toolkit (sections, instructions, rewrites). The reader
 * accepts padded, non-minimal encodings because compilers emit them (wasm-ld leaves 5-byte
 * relocation-sized `call` indices and addresses in place); the writer is minimal unless asked
 * for a width, so rewritten fields can keep the width they had.
 */

export class WasmDecodeError extends Error {
  readonly code = 'ZC_WASM_DECODE';
  constructor(
    readonly detail: string,
    readonly offset: number,
  ) {
    super(`${detail} at byte offset ${offset}`);
  }
}

const hex = (byte: number): string => `0x${byte.toString(16).padStart(2, '0')}`;

/** A bounds-checked cursor over `bytes[start, end)`; offsets it reports are indexes into `bytes`. */
export class ByteReader {
  offset: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    if (start < 0 || end > bytes.length || start > end) {
      throw new RangeError(`reader range [${start}, ${end}) lies outside ${bytes.length} bytes`);
    }
    this.offset = start;
  }

  get atEnd(): boolean {
    return this.offset >= this.end;
  }

  u8(): number {
    if (this.offset >= this.end) {
      throw new WasmDecodeError(
        `expected a byte but the input ends (limit ${this.end})`,
        this.offset,
      );
    }
    return this.bytes[this.offset++] as number;
  }

  /** The next `length` bytes as a view (not a copy). */
  take(length: number): Uint8Array {
    if (length > this.end - this.offset) {
      throw new WasmDecodeError(
        `expected ${length} bytes but only ${this.end - this.offset} remain`,
        this.offset,
      );
    }
    const view = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return view;
  }

  u32(): number {
    return this.unsigned(5, 32, 'u32');
  }

  /** An unsigned 64-bit LEB as a number; memarg offsets above 2^53 are refused rather than rounded. */
  u64Number(): number {
    return this.unsigned(10, 53, 'u64 (below 2^53)');
  }

  s32(): number {
    return this.signed(5, 32, 's32');
  }

  /** Block types: a type index or, when negative, a one-byte value type code. */
  s33(): number {
    return this.signed(5, 33, 's33');
  }

  s64(): bigint {
    const start = this.offset;
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      const byte = this.u8();
      result |= BigInt(byte & 0x7f) << shift;
      shift += 7n;
      if ((byte & 0x80) === 0) {
        if (i === 9 && byte !== 0x00 && byte !== 0x7f) break;
        return BigInt.asIntN(64, byte & 0x40 && shift < 64n ? result - (1n << shift) : result);
      }
    }
    throw new WasmDecodeError('expected an s64 LEB128 of at most 10 bytes', start);
  }

  /** A length-prefixed UTF-8 name. */
  name(): string {
    const length = this.u32();
    return new TextDecoder('utf-8', { fatal: false }).decode(this.take(length));
  }

  expectByte(expected: number, what: string): void {
    const at = this.offset;
    const found = this.u8();
    if (found !== expected) {
      throw new WasmDecodeError(`expected ${hex(expected)} (${what}) but found ${hex(found)}`, at);
    }
  }

  private unsigned(maxBytes: number, bits: number, what: string): number {
    const start = this.offset;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < maxBytes; i++) {
      const byte = this.u8();
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) {
        if (result >= 2 ** bits) break;
        return result;
      }
    }
    throw new WasmDecodeError(`expected a ${what} LEB128 of at most ${maxBytes} bytes`, start);
  }

  private signed(maxBytes: number, bits: number, what: string): number {
    const start = this.offset;
    let result = 0;
    let scale = 1;
    for (let i = 0; i < maxBytes; i++) {
      const byte = this.u8();
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if ((byte & 0x80) === 0) {
        if (byte & 0x40) result -= scale;
        if (result < -(2 ** (bits - 1)) || result >= 2 ** (bits - 1)) break;
        return result;
      }
    }
    throw new WasmDecodeError(`expected an ${what} LEB128 of at most ${maxBytes} bytes`, start);
  }
}

/** Unsigned LEB128 of a safe integer, padded with continuation bytes to at least `width` bytes. */
export function encodeUnsigned(value: number, width = 1): number[] {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`expected a non-negative safe integer to encode, got ${value}`);
  }
  const out: number[] = [];
  do {
    const low = value % 128;
    value = (value - low) / 128;
    out.push(low | 0x80);
  } while (value !== 0 || out.length < width);
  out[out.length - 1] = (out[out.length - 1] as number) & 0x7f;
  return out;
}

/** Signed LEB128 of a safe integer (s32, s33), minimal. */
export function encodeSigned(value: number): number[] {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`expected a safe integer to encode, got ${value}`);
  }
  const out: number[] = [];
  for (;;) {
    const low = ((value % 128) + 128) % 128;
    value = (value - low) / 128;
    const done = (value === 0 && (low & 0x40) === 0) || (value === -1 && (low & 0x40) !== 0);
    out.push(done ? low : low | 0x80);
    if (done) return out;
  }
}

export function encodeS64(value: bigint): number[] {
  let rest = BigInt.asIntN(64, value);
  const out: number[] = [];
  for (;;) {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    const done = (rest === 0n && (low & 0x40) === 0) || (rest === -1n && (low & 0x40) !== 0);
    out.push(done ? low : low | 0x80);
    if (done) return out;
  }
}

/** Growable output buffer; every writer in the toolkit appends to one of these. */
export class ByteWriter {
  private buffer: Uint8Array<ArrayBuffer> = new Uint8Array(256);
  length = 0;

  u8(byte: number): this {
    this.reserve(1);
    this.buffer[this.length++] = byte;
    return this;
  }

  bytes(bytes: ArrayLike<number>): this {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
    return this;
  }

  u32(value: number, width = 1): this {
    if (value > 0xffffffff) throw new RangeError(`expected a u32, got ${value}`);
    return this.bytes(encodeUnsigned(value, width));
  }

  u64(value: number): this {
    return this.bytes(encodeUnsigned(value));
  }

  s32(value: number): this {
    if (value < -0x80000000 || value > 0x7fffffff)
      throw new RangeError(`expected an s32, got ${value}`);
    return this.bytes(encodeSigned(value));
  }

  s33(value: number): this {
    return this.bytes(encodeSigned(value));
  }

  s64(value: bigint): this {
    return this.bytes(encodeS64(value));
  }

  name(text: string): this {
    const encoded = new TextEncoder().encode(text);
    return this.u32(encoded.length).bytes(encoded);
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buffer.slice(0, this.length);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra));
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }
}
