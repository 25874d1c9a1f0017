/**
 * Where the host puts each buffer inside an arena. Property checks vary this on purpose: a
 * plugin that assumes aligned buffers, a fixed address, the input before the output, or room
 * after either is caught only when the host stops being predictable.
 *
 * - apart, output-first: each buffer between guards, input first or output first;
 * - adjacent: the output right after the input (a write before output_ptr lands in the input);
 * - adjacent-reversed: the input right after the output (a write past the output's end lands
 *   in the input);
 * - output-at-end, input-at-end: that buffer ends exactly at the end of memory, so a write or
 *   read past it traps.
 */
export type LayoutKind =
  'apart' | 'output-first' | 'adjacent' | 'adjacent-reversed' | 'output-at-end' | 'input-at-end';

/** Layouts with a buffer at the very end of memory: the arena must end there. */
export const endsAtMemoryEnd = (layout: LayoutKind): boolean =>
  layout === 'output-at-end' || layout === 'input-at-end';

export interface Placement {
  layout: LayoutKind;
  /** Bytes (0..7) added to each buffer's 8-aligned start. */
  misalign: { input: number; output: number; cell: number; params: number };
}

export const DEFAULT_PLACEMENT: Placement = {
  layout: 'apart',
  misalign: { input: 0, output: 0, cell: 0, params: 0 },
};

/** Guard bytes on each side of each buffer; overruns land in them. */
export const GUARD_BYTES = 64;

export interface BufferSizes {
  input: number;
  output: number;
  /** 0 when the export takes no output-length cell. */
  cell: number;
  /** 0 when the export takes no params struct. */
  params: number;
}

export interface Span {
  start: number;
  length: number;
}

export interface PlannedLayout {
  /** Bytes the arena needs. */
  arenaSize: number;
  /** Offsets from the arena base. */
  input: Span;
  output: Span;
  cell: Span;
  params: Span;
  /** Ranges filled with the guard pattern and checked after the call. */
  guards: Array<
    Span & { next: keyof BufferSizes | undefined; previous: keyof BufferSizes | undefined }
  >;
  /** True when the last buffer's end must coincide with the arena's (and memory's) end. */
  atMemoryEnd: boolean;
}

// Arithmetic, not `& ~7`: offsets and addresses pass 2^31 in memories over 2 GiB.
const align8 = (value: number): number => Math.ceil(value / 8) * 8;

export function planLayout(sizes: BufferSizes, placement: Placement): PlannedLayout {
  const guards: PlannedLayout['guards'] = [];
  let cursor = 0;
  const spans: Record<keyof BufferSizes, Span> = {
    input: { start: 0, length: 0 },
    output: { start: 0, length: 0 },
    cell: { start: 0, length: 0 },
    params: { start: 0, length: 0 },
  };

  // A guard, then the buffer's start: 8-aligned past the guard, plus its misalignment.
  const guardBefore = (name: keyof BufferSizes, misalign: number): number => {
    const guardStart = cursor;
    const start = align8(cursor + GUARD_BYTES) + misalign;
    guards.push({ start: guardStart, length: start - guardStart, previous: undefined, next: name });
    return start;
  };
  const guardAfter = (name: keyof BufferSizes): void => {
    guards.push({ start: cursor, length: GUARD_BYTES, previous: name, next: undefined });
    cursor += GUARD_BYTES;
  };
  const placeApart = (name: keyof BufferSizes): void => {
    const start = guardBefore(name, placement.misalign[name]);
    spans[name] = { start, length: sizes[name] };
    cursor = start + sizes[name];
    guardAfter(name);
  };

  for (const name of ['cell', 'params'] as const) if (sizes[name] > 0) placeApart(name);

  // A buffer that ends exactly at the arena's end, which is memory's (8-aligned) end: no guard
  // after it, so an access past it traps. Its start follows from its length; the guard before
  // it takes up the padding, so the buffers before it keep their own alignment.
  const placeAtEnd = (name: 'input' | 'output'): void => {
    const guardStart = cursor;
    const end = align8(cursor + GUARD_BYTES + placement.misalign[name] + sizes[name]);
    const start = end - sizes[name];
    guards.push({ start: guardStart, length: start - guardStart, previous: undefined, next: name });
    spans[name] = { start, length: sizes[name] };
    cursor = end;
  };
  const placeAdjacent = (first: 'input' | 'output', second: 'input' | 'output'): void => {
    const start = guardBefore(first, placement.misalign[first]);
    spans[first] = { start, length: sizes[first] };
    spans[second] = { start: start + sizes[first], length: sizes[second] };
    cursor = spans[second].start + sizes[second];
    guardAfter(second);
  };

  switch (placement.layout) {
    case 'adjacent':
      placeAdjacent('input', 'output');
      break;
    case 'adjacent-reversed':
      placeAdjacent('output', 'input');
      break;
    case 'output-at-end':
      placeApart('input');
      placeAtEnd('output');
      break;
    case 'input-at-end':
      placeApart('output');
      placeAtEnd('input');
      break;
    case 'output-first':
      placeApart('output');
      placeApart('input');
      break;
    case 'apart':
      placeApart('input');
      placeApart('output');
      break;
  }
  return {
    arenaSize: cursor,
    ...spans,
    guards,
    atMemoryEnd: endsAtMemoryEnd(placement.layout),
  };
}

export function guardByte(index: number): number {
  return (0xa5 ^ Math.imul(index, 37)) & 0xff;
}

/** What the host fills the output with before a call, so untouched bytes are recognisable. */
export const OUTPUT_FILL = 0xcd;

/**
 * What surrounds the buffers: the guard pattern and the output's fill, or every byte of both
 * inverted. A call whose result changes between the two read memory that is not its input.
 */
export type Surroundings = 'standard' | 'inverted';

export const outputFillFor = (surroundings: Surroundings): number =>
  surroundings === 'standard' ? OUTPUT_FILL : OUTPUT_FILL ^ 0xff;
