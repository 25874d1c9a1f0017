import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLACEMENT,
  GUARD_BYTES,
  guardByte,
  guardPatternFor,
  planLayout,
  type BufferSizes,
  type LayoutKind,
  type Placement,
  type PlannedLayout,
  type Span,
} from '../../../src/abi/buffer-layout.js';

const BUFFERS = ['input', 'output', 'cell', 'params'] as const;

const SIZES: Record<string, BufferSizes> = {
  'process-like': { input: 13, output: 29, cell: 4, params: 0 },
  'resize-like': { input: 12, output: 27, cell: 0, params: 16 },
  'empty input and output': { input: 0, output: 0, cell: 4, params: 0 },
  'all four': { input: 100, output: 7, cell: 4, params: 16 },
};

const MISALIGNS: Array<Placement['misalign']> = [
  { input: 0, output: 0, cell: 0, params: 0 },
  { input: 1, output: 3, cell: 5, params: 7 },
  { input: 7, output: 7, cell: 7, params: 7 },
  { input: 4, output: 0, cell: 2, params: 6 },
];

const LAYOUTS: LayoutKind[] = ['apart', 'adjacent', 'output-at-end'];

const cases = LAYOUTS.flatMap((layout) =>
  Object.entries(SIZES).flatMap(([sizesName, sizes]) =>
    MISALIGNS.map((misalign) => ({
      name: `${layout}, ${sizesName}, misalign ${Object.values(misalign).join('/')}`,
      sizes,
      placement: { layout, misalign },
    })),
  ),
);

/** The buffers the sizes ask for (a zero-size cell or params struct is not placed). */
const placedBuffers = (sizes: BufferSizes) =>
  BUFFERS.filter((name) => name === 'input' || name === 'output' || sizes[name] > 0);

const end = (span: Span) => span.start + span.length;

function allSpans(layout: PlannedLayout, sizes: BufferSizes): Array<Span & { name: string }> {
  return [
    ...placedBuffers(sizes).map((name) => ({ ...layout[name], name })),
    ...layout.guards.map((guard, i) => ({ ...guard, name: `guard ${i}` })),
  ];
}

describe('planLayout', () => {
  it.each(cases)('$name: every buffer has its size and lies inside the arena', (c) => {
    const layout = planLayout(c.sizes, c.placement);
    for (const name of placedBuffers(c.sizes)) {
      expect(layout[name].length, name).toBe(c.sizes[name]);
      expect(layout[name].start, name).toBeGreaterThanOrEqual(0);
      expect(end(layout[name]), name).toBeLessThanOrEqual(layout.arenaSize);
    }
    for (const guard of layout.guards) {
      expect(guard.start).toBeGreaterThanOrEqual(0);
      expect(end(guard)).toBeLessThanOrEqual(layout.arenaSize);
    }
  });

  it.each(cases)('$name: no two spans (buffers or guards) overlap', (c) => {
    const layout = planLayout(c.sizes, c.placement);
    const spans = allSpans(layout, c.sizes).filter((span) => span.length > 0);
    for (const a of spans) {
      for (const b of spans) {
        if (a === b) continue;
        const overlap = a.start < end(b) && b.start < end(a);
        expect(
          overlap,
          `${a.name} [${a.start}, ${end(a)}) and ${b.name} [${b.start}, ${end(b)})`,
        ).toBe(false);
      }
    }
  });

  it.each(cases)('$name: a guard of at least GUARD_BYTES surrounds every buffer', (c) => {
    const layout = planLayout(c.sizes, c.placement);
    for (const name of placedBuffers(c.sizes)) {
      const span = layout[name];
      const before = layout.guards.find((guard) => end(guard) === span.start);
      const after = layout.guards.find((guard) => guard.start === end(span));
      const followsInput = c.placement.layout === 'adjacent' && name === 'output';
      const precedesOutput = c.placement.layout === 'adjacent' && name === 'input';
      const atEnd = c.placement.layout === 'output-at-end' && name === 'output';
      if (followsInput) expect(layout.input.start + layout.input.length).toBe(span.start);
      else {
        expect(before, `guard before ${name}`).toBeDefined();
        expect(before!.length).toBeGreaterThanOrEqual(GUARD_BYTES);
        expect(before!.next).toBe(name);
      }
      if (precedesOutput) continue;
      if (atEnd) {
        expect(after, 'no guard after an output at the end').toBeUndefined();
      } else {
        expect(after, `guard after ${name}`).toBeDefined();
        expect(after!.length).toBe(GUARD_BYTES);
        expect(after!.previous).toBe(name);
      }
    }
  });

  it.each(cases)('$name: guards fit the guard pattern (at most GUARD_BYTES + 16)', (c) => {
    const layout = planLayout(c.sizes, c.placement);
    for (const guard of layout.guards) expect(guard.length).toBeLessThanOrEqual(GUARD_BYTES + 16);
  });

  it.each(cases.filter((c) => c.placement.layout !== 'output-at-end'))(
    '$name: each buffer starts 8-aligned plus its misalignment',
    (c) => {
      const layout = planLayout(c.sizes, c.placement);
      for (const name of placedBuffers(c.sizes)) {
        if (c.placement.layout === 'adjacent' && name === 'output') continue;
        expect(layout[name].start % 8, name).toBe(c.placement.misalign[name]);
      }
    },
  );

  it.each(cases.filter((c) => c.placement.layout === 'output-at-end'))(
    '$name: the output ends exactly at arenaSize, which is a multiple of 8',
    (c) => {
      const layout = planLayout(c.sizes, c.placement);
      expect(layout.atMemoryEnd).toBe(true);
      expect(end(layout.output)).toBe(layout.arenaSize);
      expect(layout.arenaSize % 8).toBe(0);
    },
  );

  // output-at-end: the padding that puts the output's end at memory's end sits in the guard
  // before the output, so the buffers before it keep 8-alignment plus their misalignment.
  it('output-at-end: cell, params and input keep 8-alignment plus misalign', () => {
    const sizes = SIZES['all four']!;
    const layout = planLayout(sizes, { ...DEFAULT_PLACEMENT, layout: 'output-at-end' });
    for (const name of ['input', 'cell', 'params'] as const) {
      expect(layout[name].start % 8, name).toBe(0);
    }
  });

  it.each(cases.filter((c) => c.placement.layout === 'adjacent'))(
    '$name: the output starts right after the input',
    (c) => {
      const layout = planLayout(c.sizes, c.placement);
      expect(layout.output.start).toBe(end(layout.input));
      expect(layout.atMemoryEnd).toBe(false);
    },
  );

  it('puts the cell and the params struct first, each between guards', () => {
    const layout = planLayout(SIZES['all four']!, DEFAULT_PLACEMENT);
    expect(layout.cell.start).toBeLessThan(layout.params.start);
    expect(layout.params.start).toBeLessThan(layout.input.start);
    expect(layout.input.start).toBeLessThan(layout.output.start);
    expect(layout.guards.map((guard) => [guard.previous, guard.next])).toEqual([
      [undefined, 'cell'],
      ['cell', undefined],
      [undefined, 'params'],
      ['params', undefined],
      [undefined, 'input'],
      ['input', undefined],
      [undefined, 'output'],
      ['output', undefined],
    ]);
  });

  it('places no cell or params struct when their size is 0', () => {
    const layout = planLayout({ input: 5, output: 5, cell: 0, params: 0 }, DEFAULT_PLACEMENT);
    expect(layout.guards.some((guard) => guard.next === 'cell' || guard.next === 'params')).toBe(
      false,
    );
    expect(layout.guards).toHaveLength(4);
  });

  it('apart: the arena ends with the guard after the output', () => {
    const layout = planLayout(SIZES['process-like']!, DEFAULT_PLACEMENT);
    expect(layout.arenaSize).toBe(end(layout.output) + GUARD_BYTES);
    expect(layout.atMemoryEnd).toBe(false);
  });
});

describe('guardByte', () => {
  it('starts at 0xa5 and stays a byte', () => {
    expect(guardByte(0)).toBe(0xa5);
    for (let i = 0; i < 1000; i++) {
      expect(guardByte(i)).toBeGreaterThanOrEqual(0);
      expect(guardByte(i)).toBeLessThanOrEqual(0xff);
    }
  });

  it('is deterministic and never repeats a value within 256 bytes', () => {
    const pattern = Array.from({ length: 256 }, (_, i) => guardByte(i));
    expect(new Set(pattern).size).toBe(256);
    expect(Array.from({ length: 256 }, (_, i) => guardByte(i))).toEqual(pattern);
  });

  it('has no zero byte in the part a guard uses, so a stray 0 is always seen', () => {
    for (let i = 0; i < GUARD_BYTES + 16; i++) expect(guardByte(i)).not.toBe(0);
  });
});

describe('guardPatternFor', () => {
  const input = (length: number, byte = 0x61) => new Uint8Array(length).fill(byte);

  it('gives every call of one input the same guards, in both surroundings', () => {
    const standard = guardPatternFor(input(12), 'standard');
    expect(guardPatternFor(input(12), 'standard')).toEqual(standard);
    expect(guardPatternFor(input(12), 'inverted')).toEqual(standard.map((b) => b ^ 0xff));
  });

  it('never puts a 0x00 in a guard, in any surroundings, so a stray NUL always shows', () => {
    for (let length = 0; length < 300; length++) {
      for (const surroundings of ['standard', 'inverted', 'line-feeds'] as const) {
        const guard = guardPatternFor(input(length, length & 0xff), surroundings);
        expect(guard.length).toBe(GUARD_BYTES + 16);
        expect(guard.includes(0)).toBe(false);
      }
    }
  });

  it('starts the guard with many different bytes across cases: no byte is unseen on every case', () => {
    const firstBytes = new Set<number>();
    for (let length = 1; length <= 200; length++) {
      firstBytes.add(guardPatternFor(input(length), 'standard')[0]!);
    }
    // One fixed start put 0xa5 right past every buffer.
    expect(firstBytes.size).toBeGreaterThan(50);
  });
});
