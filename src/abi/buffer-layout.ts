/**
 * Where the host puts each buffer inside an arena. Property checks vary this on purpose: a
 * plugin that assumes aligned buffers, a fixed address, or room after its output is caught
 * only when the host stops being predictable.
 */
export type LayoutKind = 'apart' | 'adjacent' | 'output-at-end';

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
  /** True when the output's end must coincide with the arena's (and memory's) end. */
  outputAtEnd: boolean;
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

  if (placement.layout === 'adjacent') {
    // Input then output with no gap: a write before output_ptr lands in the input.
    const start = guardBefore('input', placement.misalign.input);
    spans.input = { start, length: sizes.input };
    spans.output = { start: start + sizes.input, length: sizes.output };
    cursor = spans.output.start + sizes.output;
    guardAfter('output');
  } else if (placement.layout === 'output-at-end') {
    placeApart('input');
    // The output ends exactly at the arena's end, which is memory's (8-aligned) end: no guard
    // after it, so a write past it traps. Its start follows from its length; the guard before
    // it takes up the padding, so the buffers before it keep their own alignment.
    const guardStart = cursor;
    const end = align8(cursor + GUARD_BYTES + placement.misalign.output + sizes.output);
    const start = end - sizes.output;
    guards.push({
      start: guardStart,
      length: start - guardStart,
      previous: undefined,
      next: 'output',
    });
    spans.output = { start, length: sizes.output };
    cursor = end;
  } else {
    placeApart('input');
    placeApart('output');
  }
  return {
    arenaSize: cursor,
    ...spans,
    guards,
    outputAtEnd: placement.layout === 'output-at-end',
  };
}

export function guardByte(index: number): number {
  return (0xa5 ^ Math.imul(index, 37)) & 0xff;
}

/** What the host fills the output with before a call, so untouched bytes are recognisable. */
export const OUTPUT_FILL = 0xcd;
