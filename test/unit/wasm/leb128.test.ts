import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  ByteWriter,
  encodeS64,
  encodeSigned,
  encodeUnsigned,
  WasmDecodeError,
} from '../../../src/wasm/leb128.js';

const read = (bytes: number[]) => new ByteReader(Uint8Array.from(bytes));

describe('unsigned LEB128', () => {
  it.each([
    [0, [0x00]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [624485, [0xe5, 0x8e, 0x26]],
    [2 ** 32 - 1, [0xff, 0xff, 0xff, 0xff, 0x0f]],
  ])('%i encodes as %j and reads back', (value, bytes) => {
    expect(encodeUnsigned(value)).toEqual(bytes);
    const reader = read(bytes);
    expect(reader.u32()).toBe(value);
    expect(reader.atEnd).toBe(true);
  });

  it('reads padded, non-minimal encodings (wasm-ld relocation padding)', () => {
    expect(read([0x80, 0x80, 0x80, 0x80, 0x00]).u32()).toBe(0);
    expect(read([0x86, 0x80, 0x80, 0x80, 0x00]).u32()).toBe(6);
    expect(read([0xff, 0x80, 0x00]).u32()).toBe(127);
  });

  it('writes padded encodings when asked for a width', () => {
    expect(encodeUnsigned(6, 5)).toEqual([0x86, 0x80, 0x80, 0x80, 0x00]);
    expect(new ByteWriter().u32(300, 2).finish()).toEqual(Uint8Array.of(0xac, 0x02));
  });

  it('refuses values past 32 bits and encodings longer than 5 bytes', () => {
    expect(() => read([0xff, 0xff, 0xff, 0xff, 0x1f]).u32()).toThrow(/u32 LEB128/);
    expect(() => read([0x80, 0x80, 0x80, 0x80, 0x80, 0x00]).u32()).toThrow(/at most 5 bytes/);
  });

  it('reads 64-bit memarg offsets up to 2^53 and refuses larger ones', () => {
    expect(read([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]).u64Number()).toBe(2 ** 35);
    const tooLarge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
    expect(() => read(tooLarge).u64Number()).toThrow(WasmDecodeError);
  });
});

describe('signed LEB128', () => {
  it.each([
    [0, [0x00]],
    [-1, [0x7f]],
    [63, [0x3f]],
    [64, [0xc0, 0x00]],
    [-64, [0x40]],
    [-65, [0xbf, 0x7f]],
    [2 ** 31 - 1, [0xff, 0xff, 0xff, 0xff, 0x07]],
    [-(2 ** 31), [0x80, 0x80, 0x80, 0x80, 0x78]],
  ])('s32 %i encodes as %j and reads back', (value, bytes) => {
    expect(encodeSigned(value)).toEqual(bytes);
    expect(read(bytes).s32()).toBe(value);
  });

  it('s33 covers type indices up to 2^32 - 1 and value type codes as negatives', () => {
    expect(read([0xff, 0xff, 0xff, 0xff, 0x0f]).s33()).toBe(2 ** 32 - 1);
    expect(read([0x80, 0x80, 0x80, 0x80, 0x70]).s33()).toBe(-(2 ** 32));
    expect(read([0x7f]).s33()).toBe(-1);
    expect(read([0x40]).s33()).toBe(-64);
    expect(() => read([0xff, 0xff, 0xff, 0xff, 0x1f]).s33()).toThrow(/s33/);
  });

  it('s32 refuses a fifth byte whose unused bits are not the sign extension', () => {
    expect(() => read([0xff, 0xff, 0xff, 0xff, 0x0f]).s32()).toThrow(/s32/);
    expect(read([0xff, 0xff, 0xff, 0xff, 0x7f]).s32()).toBe(-1);
  });

  it.each([
    [0n, [0x00]],
    [-1n, [0x7f]],
    [2n ** 63n - 1n, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]],
    [-(2n ** 63n), [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7f]],
  ])('s64 %s encodes as %j and reads back', (value, bytes) => {
    expect(encodeS64(value)).toEqual(bytes);
    expect(read(bytes).s64()).toBe(value);
  });

  it('s64 reads padded encodings and refuses an overlong tenth byte', () => {
    expect(read([0xff, 0xff, 0x7f]).s64()).toBe(-1n);
    expect(read([0x81, 0x80, 0x80, 0x00]).s64()).toBe(1n);
    const bad = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];
    expect(() => read(bad).s64()).toThrow(/s64/);
  });
});

describe('ByteReader', () => {
  it('reports truncated input with the offset of the missing byte', () => {
    const reader = new ByteReader(Uint8Array.of(0x00, 0x00, 0x80, 0x80), 2);
    const error = (() => {
      try {
        reader.u32();
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(WasmDecodeError);
    expect(error).toMatchObject({ offset: 4 });
    expect(String(error)).toMatch(/input ends.* at byte offset 4/);
  });

  it('never reads past its end even when the array goes on', () => {
    const reader = new ByteReader(Uint8Array.of(0x05, 0x01, 0x02), 0, 2);
    expect(reader.u8()).toBe(5);
    expect(() => reader.take(2)).toThrow(/expected 2 bytes but only 1 remain at byte offset 1/);
  });

  it('reads names and checks expected bytes', () => {
    const reader = read([0x02, 0x68, 0x69, 0x01]);
    expect(reader.name()).toBe('hi');
    expect(() => reader.expectByte(0x00, 'reserved byte')).toThrow(
      'expected 0x00 (reserved byte) but found 0x01 at byte offset 3',
    );
  });
});
