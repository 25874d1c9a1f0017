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

type Guard = PlannedLayout['guards'][number];
type BufferName = keyof BufferSizes;

/**
 * A layout being planned. Plain functions over it rather than closures: a layout is planned
 * for every call of every case, and closures made per call cost more than the planning.
 */
interface Plan {
  sizes: BufferSizes;
  misalign: Placement['misalign'];
  cursor: number;
  spans: Record<BufferName, Span>;
  guards: Guard[];
}

// A guard, then the buffer's start: 8-aligned past the guard, plus its misalignment.
function guardBefore(plan: Plan, name: BufferName): number {
  const guardStart = plan.cursor;
  const start = align8(guardStart + GUARD_BYTES) + plan.misalign[name];
  plan.guards.push({
    start: guardStart,
    length: start - guardStart,
    previous: undefined,
    next: name,
  });
  return start;
}

function guardAfter(plan: Plan, name: BufferName): void {
  plan.guards.push({ start: plan.cursor, length: GUARD_BYTES, previous: name, next: undefined });
  plan.cursor += GUARD_BYTES;
}

function placeApart(plan: Plan, name: BufferName): void {
  const start = guardBefore(plan, name);
  plan.spans[name] = { start, length: plan.sizes[name] };
  plan.cursor = start + plan.sizes[name];
  guardAfter(plan, name);
}

// A buffer that ends exactly at the arena's end, which is memory's (8-aligned) end: no guard
// after it, so an access past it traps. Its start follows from its length; the guard before
// it takes up the padding, so the buffers before it keep their own alignment.
function placeAtEnd(plan: Plan, name: 'input' | 'output'): void {
  const guardStart = plan.cursor;
  const size = plan.sizes[name];
  const end = align8(guardStart + GUARD_BYTES + plan.misalign[name] + size);
  const start = end - size;
  plan.guards.push({
    start: guardStart,
    length: start - guardStart,
    previous: undefined,
    next: name,
  });
  plan.spans[name] = { start, length: size };
  plan.cursor = end;
}

function placeAdjacent(plan: Plan, first: 'input' | 'output', second: 'input' | 'output'): void {
  const start = guardBefore(plan, first);
  plan.spans[first] = { start, length: plan.sizes[first] };
  plan.spans[second] = { start: start + plan.sizes[first], length: plan.sizes[second] };
  plan.cursor = plan.spans[second].start + plan.sizes[second];
  guardAfter(plan, second);
}

export function planLayout(sizes: BufferSizes, placement: Placement): PlannedLayout {
  const plan: Plan = {
    sizes,
    misalign: placement.misalign,
    cursor: 0,
    spans: {
      input: { start: 0, length: 0 },
      output: { start: 0, length: 0 },
      cell: { start: 0, length: 0 },
      params: { start: 0, length: 0 },
    },
    guards: [],
  };
  if (sizes.cell > 0) placeApart(plan, 'cell');
  if (sizes.params > 0) placeApart(plan, 'params');

  switch (placement.layout) {
    case 'adjacent':
      placeAdjacent(plan, 'input', 'output');
      break;
    case 'adjacent-reversed':
      placeAdjacent(plan, 'output', 'input');
      break;
    case 'output-at-end':
      placeApart(plan, 'input');
      placeAtEnd(plan, 'output');
      break;
    case 'input-at-end':
      placeApart(plan, 'output');
      placeAtEnd(plan, 'input');
      break;
    case 'output-first':
      placeApart(plan, 'output');
      placeApart(plan, 'input');
      break;
    case 'apart':
      placeApart(plan, 'input');
      placeApart(plan, 'output');
      break;
  }
  return {
    arenaSize: plan.cursor,
    ...plan.spans,
    guards: plan.guards,
    atMemoryEnd: endsAtMemoryEnd(placement.layout),
  };
}

export function guardByte(index: number): number {
  return (0xa5 ^ Math.imul(index, 37)) & 0xff;
}

/** Guards are at most GUARD_BYTES + 14 long (alignment padding and misalignment). */
const GUARD_SPAN = GUARD_BYTES + 16;

/**
 * The places in guardByte's 256-byte cycle a call's guards may start from: those whose whole
 * span holds neither 0x00 (a stray NUL is the commonest overflow, so it must always show) nor
 * 0xff (the inverted pattern's 0x00).
 */
const GUARD_STARTS = Array.from({ length: 256 }, (_, start) => start).filter((start) =>
  Array.from({ length: GUARD_SPAN }, (_, i) => guardByte(start + i)).every(
    (byte) => byte !== 0 && byte !== 0xff,
  ),
);

const GUARD_CYCLE = Uint8Array.from({ length: 256 + GUARD_SPAN }, (_, i) => guardByte(i));
const INVERTED_GUARD_CYCLE = GUARD_CYCLE.map((byte) => byte ^ 0xff);
const LINE_FEED_GUARD = new Uint8Array(GUARD_SPAN).fill(0x0a);

/**
 * The guard bytes of one call: where in the cycle they start depends on its input (its length
 * and a few of its bytes), so every call of one input (the probe, the case, a retry at another
 * capacity) has the same surroundings, and other inputs get others. A byte written over a guard
 * that happens to equal the guard's own byte there goes unseen; with one fixed start, the byte
 * right past every buffer would be the same (0xa5, a UTF-8 continuation byte: "ⱥ" ends with
 * it), and a plugin whose one-byte overflow writes it would pass every case. Spread, that blind
 * spot is one input in many. A plugin that reads past its input reads the same bytes on every
 * call of it, so only ZC-CALL-017, which inverts them, sees the difference.
 */
export function guardPatternFor(input: Uint8Array, surroundings: Surroundings): Uint8Array {
  const last = input.length - 1;
  let key = Math.imul(input.length + 1, 0x9e3779b1);
  if (last >= 0) key ^= input[0]! | (input[last]! << 8) | (input[last >> 1]! << 16);
  key = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d);
  key ^= key >>> 13;
  if (surroundings === 'line-feeds') return LINE_FEED_GUARD;
  const start = GUARD_STARTS[(key >>> 0) % GUARD_STARTS.length]!;
  const cycle = surroundings === 'inverted' ? INVERTED_GUARD_CYCLE : GUARD_CYCLE;
  return cycle.subarray(start, start + GUARD_SPAN);
}

/** What the host fills the output with before a call, so untouched bytes are recognisable. */
export const OUTPUT_FILL = 0xcd;

/**
 * What surrounds the buffers: the guard pattern and the output's fill as is, every byte of both
 * inverted, or guards of line feeds around the standard fill. A read outside the input changes a
 * result only where the byte read matters, and the byte parsers most often branch on (a line
 * count, a last-line check) is a line feed, which neither pattern holds next to every buffer.
 */
export type Surroundings = 'standard' | 'inverted' | 'line-feeds';

export const outputFillFor = (surroundings: Surroundings): number =>
  surroundings === 'inverted' ? OUTPUT_FILL ^ 0xff : OUTPUT_FILL;
