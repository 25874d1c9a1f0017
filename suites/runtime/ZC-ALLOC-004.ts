import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { WASM_PAGE_BYTES as PAGE } from '../../src/wasm/page.js';
import { describeOutcome } from '../_internals/describe.js';

const WARM_UP_CYCLES = 16;
const MEASURED_CYCLES = 200;
/** Sizes the host asks for call after call: a cell, a small buffer, a large one. */
const SIZES = [4, 1024, 64 * 1024];
/**
 * alloc(0) then dealloc(ptr, 0), as the host does for every empty input: enough pairs that a
 * zero-size block handed out and never taken back (a dealloc that skips size 0) adds up to pages
 * even at 8 bytes a block.
 */
const ZERO_SIZE_PAIRS = 65536;
/**
 * Sizes below a word, as the host asks for a length cell (4 bytes) and for inputs and outputs of
 * a few bytes: an allocator that rounds a size up to whole words in alloc and down in dealloc
 * (a Vec<u64> rebuilt with size / 8 words, capacity 0) frees none of them. One pair after
 * another, the sizes in turn, enough pairs that a 16-byte block lost at one size in eight adds
 * up to two pages.
 */
const SMALL_SIZES = [1, 2, 3, 4, 5, 6, 7, 8];
const SMALL_SIZE_PAIRS = 65536;
/**
 * Pairs of alloc and dealloc at sizes that change every time (seeded, 1 to 8192 bytes), as the
 * host's input and output buffers do from call to call: an allocator that gives a freed block
 * only to a request of exactly its size gets a new block for almost every pair and grows by
 * megabytes, while one that reuses any large-enough block, or size classes, stops growing once
 * it holds a block of the largest size.
 */
const VARYING_SIZE_PAIRS = 4096;
const VARYING_MAX_SIZE = 8192;
/** Pages of growth over those pairs that count as settled: the largest size a few times over. */
const VARYING_SETTLED_PAGES = 4;
/** Blocks of each size a cycle allocates: with six live at once, few orders free only the top. */
const BLOCKS_PER_SIZE = 2;
/** What a cycle allocates, in order. */
const CYCLE = Array.from({ length: BLOCKS_PER_SIZE }, () => SIZES).flat();

/**
 * The orders a cycle frees its blocks in. The host frees each call's buffers in an order of its
 * own, so an allocator that only takes back the block on top of its heap (an arena) passes the
 * first two and leaks in the others.
 */
const ORDERS = [
  { name: 'right after alloc', freeing: 'alloc then dealloc of each block in turn' },
  { name: 'last to first', freeing: 'alloc of every block, then dealloc of them last to first' },
  { name: 'first to last', freeing: 'alloc of every block, then dealloc of them first to last' },
  {
    name: 'in a shuffled order',
    freeing: 'alloc of every block, then dealloc of them in a shuffled order',
  },
] as const;

type Order = (typeof ORDERS)[number];

interface Growth {
  order: Order;
  pages: number;
  /** The blocks each size was given while growth was measured: reuse shows as repeats. */
  given: Map<number, Set<number>>;
  /** How many blocks of each size were asked for while growth was measured. */
  asked: number;
}

// The host frees every buffer after each call. An allocator that reuses freed blocks settles
// after a few cycles; one that never does grows by every block, until memory runs out.
export default defineCheck('ZC-ALLOC-004', (ctx) => {
  if (ctx.exportState('alloc') !== 'ok' || ctx.exportState('dealloc') !== 'ok') {
    return notApplicable('`alloc` and `dealloc` are not exported');
  }
  const growths: Growth[] = [];
  for (const order of ORDERS) {
    const setup = ctx.startPlugin();
    if (!setup.ok) return blocked(describeSetupFailure(setup));
    const growth = measureGrowth(setup.instance, order);
    if (typeof growth === 'string') return blocked(growth);
    growths.push(growth);
  }
  const setup = ctx.startPlugin();
  if (!setup.ok) return blocked(describeSetupFailure(setup));
  const zeroSize = measureZeroSizeGrowth(setup.instance);
  if (typeof zeroSize === 'string') return blocked(zeroSize);
  const small = ctx.startPlugin();
  if (!small.ok) return blocked(describeSetupFailure(small));
  const smallSize = measureSmallSizeGrowth(small.instance);
  if (typeof smallSize === 'string') return blocked(smallSize);
  const varied = ctx.startPlugin();
  if (!varied.ok) return blocked(describeSetupFailure(varied));
  const varying = measureVaryingSizeGrowth(varied.instance);
  if (typeof varying === 'string') return blocked(varying);
  const sizes = `${BLOCKS_PER_SIZE} of each of ${SIZES.join(', ')} bytes`;
  const grew = growths.filter((growth) => growth.pages > 1);
  if (zeroSize > 1) {
    const found = `${ZERO_SIZE_PAIRS} pairs of alloc(0) and dealloc(ptr, 0) grew memory by ${zeroSize} pages (${Math.round((zeroSize * PAGE) / ZERO_SIZE_PAIRS)} bytes per pair)`;
    return fail(`${found}: a zero-size block is handed out and never taken back`, [
      {
        expected: `alloc(0) and dealloc(ptr, 0), which the host calls for every empty input, leave memory as it was after ${WARM_UP_CYCLES} warm-up pairs (at most 1 page more)`,
        found: `${found}: alloc(0) hands out a new block each time and dealloc(ptr, 0) does not take it back (alloc(0) may instead return 0 or one fixed pointer: ZC-ALLOC-005)`,
        where: 'alloc(0), dealloc(ptr, 0)',
        replay: ctx.replayCommand(),
      },
    ]);
  }
  const smallSizes = `${SMALL_SIZES[0]} to ${SMALL_SIZES.at(-1)} bytes in turn`;
  if (smallSize > 1) {
    const found = `${SMALL_SIZE_PAIRS} pairs of alloc and dealloc of ${smallSizes} grew memory by ${smallSize} pages (${Math.round((smallSize * PAGE) / SMALL_SIZE_PAIRS)} bytes per pair)`;
    return fail(`${found}: a small block is handed out and never taken back`, [
      {
        expected: `alloc and dealloc of ${smallSizes}, which the host asks for every length cell and every input or output of a few bytes, leave memory as it was after ${WARM_UP_CYCLES} warm-up pairs (at most 1 page more)`,
        found: `${found}: an allocator that rounds a size up to whole words in alloc and down in dealloc frees nothing below a word`,
        where: 'alloc, dealloc',
        replay: ctx.replayCommand(),
      },
    ]);
  }
  if (varying > VARYING_SETTLED_PAGES) {
    const found = `${VARYING_SIZE_PAIRS} pairs of alloc and dealloc at sizes that change every time (1 to ${VARYING_MAX_SIZE} bytes) grew memory by ${varying} pages`;
    return fail(`${found}: a freed block is given again only to a request of its exact size`, [
      {
        expected: `alloc and dealloc at sizes that change from call to call, as the host's buffers do, leave memory as it was after ${WARM_UP_CYCLES} warm-up pairs (at most ${VARYING_SETTLED_PAGES} pages more)`,
        found: `${found}: the allocator does not reuse a freed block for a smaller request (a free list by exact size), so every new size takes new memory`,
        where: 'alloc, dealloc',
        replay: ctx.replayCommand(),
      },
    ]);
  }
  if (grew.length === 0) {
    const most = Math.max(...growths.map((growth) => growth.pages));
    return pass(
      `${MEASURED_CYCLES} cycles of alloc and dealloc (${sizes}) in each of ${ORDERS.length} free orders grew memory by at most ${most} pages, ${ZERO_SIZE_PAIRS} of alloc(0) and dealloc(ptr, 0) by ${zeroSize}, ${SMALL_SIZE_PAIRS} of ${smallSizes} by ${smallSize}, ${VARYING_SIZE_PAIRS} at changing sizes by ${varying}`,
    );
  }
  const kept = growths.filter((growth) => growth.pages <= 1).map((growth) => growth.order.name);
  const failures = grew.map((growth) => {
    const found = `${MEASURED_CYCLES} more cycles of ${growth.order.freeing} (${sizes}) grew memory by ${growth.pages} pages (${Math.round((growth.pages * PAGE) / MEASURED_CYCLES)} bytes per cycle): ${describeReuse(growth.given, growth.asked)}`;
    return {
      expected: `memory stops growing after ${WARM_UP_CYCLES} warm-up cycles with blocks freed ${growth.order.name} (at most 1 page more)`,
      found,
      where: 'alloc, dealloc',
      replay: ctx.replayCommand(),
    };
  });
  const orders = grew.map((growth) => `${growth.order.name} (${growth.pages} pages)`).join(', ');
  const others = kept.length > 0 ? `; freed ${kept.join(' or ')}, it did not` : '';
  return fail(
    `${MEASURED_CYCLES} cycles (${sizes}) grew memory with blocks freed ${orders}${others}`,
    failures,
  );
});

/**
 * Pages memory grew by over `measured` steps that follow `warmUp` of them (an allocator may
 * take its first pages while it settles); a string says why a step could not run.
 */
function pagesGrown(
  plugin: PluginInstance,
  counts: { warmUp: number; measured: number },
  step: (measuring: boolean) => string | undefined,
  failed: (problem: string, measuring: boolean) => string,
): number | string {
  for (let i = 0; i < counts.warmUp; i++) {
    const problem = step(false);
    if (problem) return failed(problem, false);
  }
  const before = plugin.memoryBytes;
  for (let i = 0; i < counts.measured; i++) {
    const problem = step(true);
    if (problem) return failed(problem, true);
  }
  return (plugin.memoryBytes - before) / PAGE;
}

/** Warm-up then measured cycles in one free order; a string says why they could not run. */
function measureGrowth(plugin: PluginInstance, order: Order): Growth | string {
  const given = new Map<number, Set<number>>(SIZES.map((size) => [size, new Set<number>()]));
  const shuffle = seededShuffle(0x5eed);
  const free = (ptr: number, size: number): string | undefined => {
    const freed = plugin.callAsHost('dealloc', [ptr, size]);
    return freed.kind === 'returned' ? undefined : describeOutcome('dealloc', freed);
  };
  const cycle = (measuring: boolean): string | undefined => {
    const held: Array<{ ptr: number; size: number }> = [];
    for (const size of CYCLE) {
      const allocated = plugin.callAsHost('alloc', [size]);
      if (allocated.kind !== 'returned' || !allocated.value) {
        return describeOutcome(`alloc(${size})`, allocated);
      }
      const ptr = allocated.value >>> 0;
      if (measuring) given.get(size)!.add(ptr);
      if (order.name === 'right after alloc') {
        const problem = free(ptr, size);
        if (problem) return problem;
      } else held.push({ ptr, size });
    }
    if (order.name === 'last to first') held.reverse();
    if (order.name === 'in a shuffled order') shuffle(held);
    for (const block of held) {
      const problem = free(block.ptr, block.size);
      if (problem) return problem;
    }
    return undefined;
  };
  const pages = pagesGrown(
    plugin,
    { warmUp: WARM_UP_CYCLES, measured: MEASURED_CYCLES },
    cycle,
    (problem, measuring) =>
      measuring
        ? `the allocator failed while growth was measured, freeing ${order.name}: ${problem}`
        : `the allocator failed before growth could be measured (ZC-ALLOC-001): ${problem}`,
  );
  if (typeof pages === 'string') return pages;
  return { order, pages, given, asked: MEASURED_CYCLES * BLOCKS_PER_SIZE };
}

/** alloc(size), then the dealloc of what it returned; a string says which call went wrong. */
function allocThenFree(plugin: PluginInstance, size: number): string | undefined {
  const allocated = plugin.callAsHost('alloc', [size]);
  // alloc(0) may answer 0 (ZC-ALLOC-005); any other size must get a block.
  if (allocated.kind !== 'returned' || (size > 0 && !allocated.value)) {
    return describeOutcome(`alloc(${size})`, allocated);
  }
  const freed = plugin.callAsHost('dealloc', [(allocated.value ?? 0) >>> 0, size]);
  return freed.kind === 'returned' ? undefined : describeOutcome(`dealloc(ptr, ${size})`, freed);
}

/**
 * Pages that `pairs` alloc/dealloc pairs, the i-th of `sizeAt(i)` bytes, grew memory by after
 * a warm-up of the same; a string says why they could not run.
 */
function pairGrowth(
  plugin: PluginInstance,
  pairs: number,
  sizeAt: (turn: number) => number,
  words: { pair: string; beforeMeasuring: string },
): number | string {
  let turn = 0;
  return pagesGrown(
    plugin,
    { warmUp: WARM_UP_CYCLES, measured: pairs },
    () => allocThenFree(plugin, sizeAt(turn++)),
    (problem, measuring) =>
      measuring
        ? `${words.pair} failed while growth was measured: ${problem}`
        : `${words.beforeMeasuring}: ${problem}`,
  );
}

const BEFORE_MEASURING = 'the allocator failed before growth could be measured (ZC-ALLOC-001)';

const measureZeroSizeGrowth = (plugin: PluginInstance): number | string =>
  pairGrowth(plugin, ZERO_SIZE_PAIRS, () => 0, {
    pair: 'alloc(0) or its dealloc',
    beforeMeasuring: 'alloc(0) or its dealloc failed (ZC-ALLOC-005)',
  });

const measureSmallSizeGrowth = (plugin: PluginInstance): number | string =>
  pairGrowth(plugin, SMALL_SIZE_PAIRS, (turn) => SMALL_SIZES[turn % SMALL_SIZES.length]!, {
    pair: "a small block's alloc or dealloc",
    beforeMeasuring: BEFORE_MEASURING,
  });

function measureVaryingSizeGrowth(plugin: PluginInstance): number | string {
  const next = xorshift32(0x5eed5);
  return pairGrowth(plugin, VARYING_SIZE_PAIRS, () => 1 + (next() % VARYING_MAX_SIZE), {
    pair: 'alloc or dealloc at a changing size',
    beforeMeasuring: BEFORE_MEASURING,
  });
}

/** A fixed-seed xorshift32: the same numbers on every run. */
function xorshift32(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>>= 0);
  };
}

/** A Fisher-Yates shuffle driven by a fixed-seed xorshift32: the same orders on every run. */
function seededShuffle(seed: number): <T>(items: T[]) => void {
  const next = xorshift32(seed);
  return (items) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = next() % (i + 1);
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
  };
}

/** Which sizes were given a block again: an allocator that reuses some and not others (a free
 * list per size class that loses one class) is told apart from one that never reuses. */
function describeReuse(given: Map<number, Set<number>>, asked: number): string {
  const fresh = [...given].filter(([, blocks]) => blocks.size === asked);
  if (fresh.length === given.size) return 'no freed block is ever given out again';
  if (fresh.length === 0)
    return 'freed blocks are given out again, yet memory grows: something else is kept for every cycle';
  return `a freed block of ${fresh.map(([size]) => size).join(', ')} bytes is never given out again (a new block every cycle), while the other sizes reuse theirs`;
}
