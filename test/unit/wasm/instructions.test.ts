import { describe, expect, it } from 'vitest';
import {
  decodeExpression,
  decodeFunctionBody,
  encodeFunctionBody,
  encodeInstructions,
  instruction,
  type Instruction,
} from '../../../src/wasm/instructions.js';
import { WasmDecodeError } from '../../../src/wasm/leb128.js';
import { readCodeEntries, SectionId, splitSections } from '../../../src/wasm/sections.js';
import { featureModule, memory64Module, multiMemoryModule } from './feature-modules.js';

/** All instructions of all bodies, in order. */
function instructionsOf(bytes: Uint8Array): Instruction[] {
  const code = splitSections(bytes).find(({ id }) => id === SectionId.code);
  const start = code?.origin?.payloadOffset ?? 0;
  return readCodeEntries(bytes, start, start + (code?.payload.length ?? 0)).flatMap(
    (entry) => decodeFunctionBody(bytes, entry.start, entry.end).instructions,
  );
}

const first = (instructions: Instruction[], name: string): Instruction => {
  const found = instructions.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

const decodeRaw = (bytes: number[]) => decodeFunctionBody(Uint8Array.from(bytes));

function decodeError(bytes: number[]): WasmDecodeError {
  try {
    decodeRaw(bytes);
  } catch (error) {
    if (error instanceof WasmDecodeError) return error;
    throw error;
  }
  throw new Error('decoded without an error');
}

describe('decodeFunctionBody immediates', () => {
  const all = instructionsOf(featureModule());
  const immediatesOf = (name: string) => first(all, name).immediates;

  it('decodes SIMD constants, shuffles, lanes and memargs with lanes', () => {
    expect(immediatesOf('v128.const')).toEqual({
      kind: 'v128',
      bytes: [1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0],
    });
    expect(immediatesOf('i8x16.shuffle')).toEqual({
      kind: 'shuffle',
      lanes: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31],
    });
    expect(immediatesOf('v128.load')).toEqual({
      kind: 'memarg',
      memarg: { align: 3, offset: 16, memory: 0 },
    });
    expect(immediatesOf('v128.store32_lane')).toEqual({
      kind: 'memargLane',
      memarg: { align: 2, offset: 4, memory: 0 },
      lane: 1,
    });
    expect(immediatesOf('f32x4.replace_lane')).toEqual({ kind: 'lane', lane: 2 });
    expect(first(all, 'v128.const')).toMatchObject({ opcode: 0xfd, subOpcode: 12 });
  });

  it('keeps float constants as raw bits, NaN payloads included', () => {
    const floats = all.filter(({ name }) => name === 'f32.const' || name === 'f64.const');
    expect(floats.map(({ immediates }) => immediates)).toContainEqual({
      kind: 'f32',
      bits: 0xffa00001,
    });
    expect(floats.map(({ immediates }) => immediates)).toContainEqual({
      kind: 'f64',
      bits: 0x7fefffffffffffffn,
    });
    expect(floats.map(({ immediates }) => immediates)).toContainEqual({
      kind: 'f64',
      bits: 0xfff0000000000004n,
    });
  });

  it('decodes integer extremes, branch tables, typed select and multi-value block types', () => {
    expect(immediatesOf('i64.const')).toEqual({ kind: 'i64', value: -(2n ** 63n) });
    expect(all.map(({ immediates }) => immediates)).toContainEqual({
      kind: 'i32',
      value: -(2 ** 31),
    });
    expect(immediatesOf('br_table')).toEqual({
      kind: 'brTable',
      labels: [2, 1, 0],
      defaultLabel: 2,
    });
    expect(immediatesOf('call_indirect')).toEqual({ kind: 'indexPair', first: 0, second: 0 });
    expect(all.map(({ immediates }) => immediates)).toContainEqual({
      kind: 'selectTypes',
      types: ['funcref'],
    });
    const blockTypes = all.filter(({ name }) => name === 'block');
    expect(blockTypes.map(({ immediates }) => immediates)).toContainEqual({
      kind: 'block',
      blockType: 0,
    });
    expect(immediatesOf('if')).toEqual({ kind: 'block', blockType: 'i64' });
    expect(immediatesOf('ref.null')).toEqual({ kind: 'refType', refType: 'funcref' });
  });

  it('decodes bulk memory, table and atomic immediates', () => {
    expect(immediatesOf('memory.init')).toEqual({ kind: 'indexPair', first: 0, second: 0 });
    expect(immediatesOf('table.init')).toEqual({ kind: 'indexPair', first: 0, second: 0 });
    expect(immediatesOf('i32.atomic.rmw.cmpxchg')).toEqual({
      kind: 'memarg',
      memarg: { align: 2, offset: 8, memory: 0 },
    });
    expect(first(all, 'atomic.fence')).toMatchObject({
      opcode: 0xfe,
      subOpcode: 3,
      immediates: { kind: 'none' },
    });
  });

  it('reads multi-memory memargs (alignment flag bit 6) and memory indices', () => {
    const multi = instructionsOf(multiMemoryModule());
    expect(first(multi, 'i32.store').immediates).toEqual({
      kind: 'memarg',
      memarg: { align: 2, offset: 4, memory: 1 },
    });
    expect(first(multi, 'i32.load').immediates).toEqual({
      kind: 'memarg',
      memarg: { align: 2, offset: 0, memory: 0 },
    });
    expect(first(multi, 'memory.copy').immediates).toEqual({
      kind: 'indexPair',
      first: 0,
      second: 1,
    });
    expect(first(multi, 'memory.grow').immediates).toEqual({ kind: 'index', index: 1 });
  });

  it('reads memory64 offsets beyond 32 bits', () => {
    expect(first(instructionsOf(memory64Module()), 'i32.load').immediates).toEqual({
      kind: 'memarg',
      memarg: { align: 2, offset: 2 ** 32, memory: 0 },
    });
  });

  it('records each instruction’s byte range and local groups', () => {
    const body = decodeRaw([0x02, 0x01, 0x7f, 0x03, 0x7e, 0x41, 0xe5, 0x00, 0x1a, 0x0b]);
    expect(body.locals).toEqual([
      { count: 1, type: 'i32' },
      { count: 3, type: 'i64' },
    ]);
    expect(body.instructions.map(({ name, range }) => [name, range])).toEqual([
      ['i32.const', { start: 5, end: 8 }],
      ['drop', { start: 8, end: 9 }],
      ['end', { start: 9, end: 10 }],
    ]);
  });
});

describe('encoding', () => {
  // i32.const 0 and call 6, both padded to 5 bytes the way wasm-ld leaves relocations.
  const padded = [
    0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x00, 0x10, 0x86, 0x80, 0x80, 0x80, 0x00, 0x0b,
  ];

  it('reproduces padded LEBs of unmodified instructions', () => {
    const body = decodeRaw(padded);
    expect(body.instructions[1]?.immediates).toEqual({ kind: 'index', index: 6 });
    expect(encodeFunctionBody(body)).toEqual(Uint8Array.from(padded));
  });

  it('encodes an edited instruction minimally and leaves its neighbours alone', () => {
    const body = decodeRaw(padded);
    const [constant, call, end] = body.instructions as [Instruction, Instruction, Instruction];
    const edited = { ...call, immediates: { kind: 'index', index: 7 } } as const;
    expect(
      encodeFunctionBody({ locals: body.locals, instructions: [constant, edited, end] }),
    ).toEqual(Uint8Array.of(0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x00, 0x10, 0x07, 0x0b));
    // A copy is a new instruction even when nothing in it changed.
    expect(encodeInstructions([{ ...constant }])).toEqual(Uint8Array.of(0x41, 0x00));
  });

  it('freezes decoded instructions so an in-place edit cannot keep stale bytes', () => {
    const [constant] = decodeRaw(padded).instructions;
    expect(() => {
      (constant as { name: string }).name = 'nop';
    }).toThrow(TypeError);
  });

  it('builds instructions by name, typed select included', () => {
    expect(encodeInstructions([instruction('i32.const', { kind: 'i32', value: -65 })])).toEqual(
      Uint8Array.of(0x41, 0xbf, 0x7f),
    );
    expect(
      encodeInstructions([
        instruction('select'),
        instruction('select', { kind: 'selectTypes', types: ['i32'] }),
        instruction('memory.grow', { kind: 'index', index: 0 }),
        instruction('atomic.fence'),
        instruction('i8x16.relaxed_swizzle'),
        instruction('block', { kind: 'block', blockType: 3 }),
      ]),
    ).toEqual(
      Uint8Array.of(
        0x1b,
        0x1c,
        0x01,
        0x7f,
        0x40,
        0x00,
        0xfe,
        0x03,
        0x00,
        0xfd,
        0x80,
        0x02,
        0x02,
        0x03,
      ),
    );
  });

  it('refuses unknown names, mismatched immediates and unbalanced bodies', () => {
    expect(() => instruction('i32.frobnicate')).toThrow(
      /unknown instruction name 'i32.frobnicate'/,
    );
    expect(() => instruction('call')).toThrow(/call: expected index immediates, got none/);
    expect(() => encodeFunctionBody({ locals: [], instructions: [instruction('nop')] })).toThrow(
      /1 end\(s\) are missing/,
    );
    const end = instruction('end');
    expect(() => encodeFunctionBody({ locals: [], instructions: [end, end] })).toThrow(
      /follows the function's final end/,
    );
  });
});

describe('decode errors', () => {
  it('names an unknown opcode and its offset', () => {
    expect(decodeError([0x00, 0x01, 0xd3, 0x0b]).message).toBe(
      'unknown opcode 0xd3 at byte offset 2',
    );
    expect(decodeError([0x00, 0xfb, 0x00, 0x0b]).message).toBe(
      'unknown opcode 0xfb at byte offset 1',
    );
    expect(decodeError([0x00, 0xfd, 0x9a, 0x01, 0x0b]).message).toBe(
      'unknown opcode 0xfd 154 (0x9a) at byte offset 1',
    );
    expect(decodeError([0x00, 0xfc, 0x12, 0x0b])).toMatchObject({ offset: 1 });
  });

  it('reports truncated bodies, missing ends and bytes after the final end', () => {
    expect(decodeError([0x00, 0x41]).message).toMatch(/input ends .* at byte offset 2/);
    expect(decodeError([0x00, 0x02, 0x40, 0x0b]).message).toBe(
      'expected 1 more end instructions at byte offset 4',
    );
    expect(decodeError([0x00, 0x0b, 0x01]).message).toMatch(
      /expected the function body to stop after its final end \(1 bytes remain\) at byte offset 2/,
    );
    expect(decodeError([0x00, 0x02, 0x63, 0x00, 0x0b, 0x0b]).message).toMatch(
      /expected a block type .* but found 0x63 at byte offset 2/,
    );
    expect(decodeError([0x00, 0xfe, 0x03, 0x01, 0x0b]).message).toBe(
      'expected 0x00 (reserved byte) but found 0x01 at byte offset 3',
    );
  });

  it('decodes constant expressions up to their end', () => {
    const bytes = Uint8Array.of(0xff, 0x41, 0x10, 0x0b, 0xff);
    const { instructions, end } = decodeExpression(bytes, 1);
    expect(instructions.map(({ name }) => name)).toEqual(['i32.const', 'end']);
    expect(end).toBe(4);
  });
});
