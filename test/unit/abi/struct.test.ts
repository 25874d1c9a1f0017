import { describe, expect, it } from 'vitest';
import { decodeStruct, encodeStruct } from '../../../src/abi/struct.js';
import type { StructSpec } from '../../../src/spec-model/abi-types.generated.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const MIXED: StructSpec = {
  name: 'Mixed',
  size: 12,
  align: 4,
  endianness: 'little',
  fields: [
    { name: 'flag', type: 'u8', offset: 0 },
    { name: 'depth', type: 'u16', offset: 2 },
    { name: 'count', type: 'u32', offset: 4 },
    { name: 'delta', type: 'i32', offset: 8 },
  ],
};

const resizeParams = new SpecIndex(loadSpec()).structsByName.get('ResizeParams')!;

describe('encodeStruct / decodeStruct', () => {
  it.each([
    { flag: 0, depth: 0, count: 0, delta: 0 },
    { flag: 255, depth: 65535, count: 0xffffffff, delta: -1 },
    { flag: 1, depth: 0x1234, count: 0x89abcdef, delta: -2147483648 },
    { flag: 128, depth: 256, count: 65536, delta: 2147483647 },
  ])('round-trips %o', (fields) => {
    const bytes = encodeStruct(MIXED, fields);
    expect(bytes).toHaveLength(12);
    expect(decodeStruct(MIXED, bytes)).toEqual(fields);
  });

  it('lays fields out little-endian at their offsets, leaving padding zero', () => {
    const bytes = encodeStruct(MIXED, { flag: 0xab, depth: 0x1234, count: 0x01020304, delta: -2 });
    expect(Array.from(bytes)).toEqual([
      0xab, 0, 0x34, 0x12, 0x04, 0x03, 0x02, 0x01, 0xfe, 0xff, 0xff, 0xff,
    ]);
  });

  it('writes 0 for a missing field', () => {
    expect(Array.from(encodeStruct(MIXED, { count: 1 }))).toEqual([
      0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it('stores a negative value in a u32 as its two-complement bit pattern', () => {
    expect(decodeStruct(MIXED, encodeStruct(MIXED, { count: -1 })).count).toBe(0xffffffff);
  });

  it('decodes the first struct.size bytes of a view at an offset', () => {
    const backing = new Uint8Array(40).fill(0x77);
    backing.set(encodeStruct(MIXED, { flag: 9, depth: 10, count: 11, delta: -12 }), 20);
    expect(decodeStruct(MIXED, backing.subarray(20))).toEqual({
      flag: 9,
      depth: 10,
      count: 11,
      delta: -12,
    });
  });

  it("round-trips the spec's ResizeParams", () => {
    const fields = { src_width: 640, src_height: 480, dst_width: 0xffffffff, dst_height: 1 };
    const bytes = encodeStruct(resizeParams, fields);
    expect(bytes).toHaveLength(16);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0x80, 0x02, 0, 0]);
    expect(decodeStruct(resizeParams, bytes)).toEqual(fields);
  });
});
