import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { WASM_PAGE_BYTES as PAGE } from '../../src/wasm/page.js';
import { describeOutcome } from '../_internals/describe.js';

const WARM_UP_CYCLES = 16;
const MEASURED_CYCLES = 200;
/** Sizes the host asks for call after call: a cell, a small buffer, a large one. */
const SIZES = [4, 1024, 64 * 1024];

// The host frees every buffer after each call. An allocator that reuses freed blocks settles
// after a few cycles; one that never does grows by every block, until memory runs out.
export default defineCheck('ZC-ALLOC-004', (ctx) => {
  if (ctx.exportState('alloc') !== 'ok' || ctx.exportState('dealloc') !== 'ok') {
    return notApplicable('`alloc` and `dealloc` are not exported');
  }
  const setup = ctx.startPlugin();
  if (!setup.ok) return blocked(describeSetupFailure(setup));
  const plugin = setup.instance;
  const cycle = (): string | undefined => {
    for (const size of SIZES) {
      const allocated = plugin.callAsHost('alloc', [size]);
      if (allocated.kind !== 'returned' || !allocated.value) {
        return describeOutcome(`alloc(${size})`, allocated);
      }
      const freed = plugin.callAsHost('dealloc', [allocated.value >>> 0, size]);
      if (freed.kind !== 'returned') return describeOutcome('dealloc', freed);
    }
    return undefined;
  };
  for (let i = 0; i < WARM_UP_CYCLES; i++) {
    const problem = cycle();
    if (problem)
      return blocked(
        `the allocator failed before growth could be measured (ZC-ALLOC-001): ${problem}`,
      );
  }
  const before = plugin.memoryBytes;
  for (let i = 0; i < MEASURED_CYCLES; i++) {
    const problem = cycle();
    if (problem) return blocked(`the allocator failed while growth was measured: ${problem}`);
  }
  const grown = (plugin.memoryBytes - before) / PAGE;
  const sizes = SIZES.join(', ');
  if (grown <= 1) {
    return pass(
      `${MEASURED_CYCLES} cycles of alloc and dealloc (${sizes} bytes) grew memory by ${grown} pages`,
    );
  }
  const found = `${MEASURED_CYCLES} more cycles of alloc then dealloc of ${sizes} bytes grew memory by ${grown} pages (${Math.round((grown * PAGE) / MEASURED_CYCLES)} bytes per cycle): freed blocks are not reused`;
  return fail(found, [
    {
      expected: `memory stops growing after ${WARM_UP_CYCLES} warm-up cycles (at most 1 page more)`,
      found,
      where: 'alloc, dealloc',
      replay: ctx.replayCommand(),
    },
  ]);
});
