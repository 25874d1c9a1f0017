import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { describeOutcome, hex, refusedCall } from '../_internals/describe.js';

// alloc(0) is legal whatever it returns: the host never reads or writes through it, and hands
// it back to dealloc(ptr, 0), which must return. An allocator that files such a block as free
// bytes it never reserved overlaps later blocks: ZC-ALLOC-002's model judges that, since it
// starts with alloc(0), dealloc(ptr, 0) and two small allocs, and mixes alloc(0) in after.
export default defineCheck('ZC-ALLOC-005', (ctx) => {
  if (ctx.exportState('alloc') !== 'ok' || ctx.exportState('dealloc') !== 'ok') {
    return notApplicable('`alloc` and `dealloc` are not exported');
  }
  const setup = ctx.startPlugin();
  if (!setup.ok) return blocked(describeSetupFailure(setup));
  const zero = setup.instance.callAsHost('alloc', [0]);
  const zeroRefused = refusedCall('alloc(0)', zero);
  if (zeroRefused) return zeroRefused;
  if (zero.kind !== 'returned') {
    return fail(describeOutcome('alloc(0)', zero), [
      {
        expected: 'alloc(0) returns (any value: the host never uses the block)',
        found: describeOutcome('alloc(0)', zero),
        where: 'alloc(0)',
        replay: ctx.replayCommand(),
      },
    ]);
  }
  const pointer = (zero.value ?? 0) >>> 0;
  const freed = setup.instance.callAsHost('dealloc', [pointer, 0]);
  const freeRefused = refusedCall(`dealloc(${hex(pointer)}, 0)`, freed);
  if (freeRefused) return freeRefused;
  if (freed.kind !== 'returned') {
    return fail(describeOutcome(`dealloc(${hex(pointer)}, 0)`, freed), [
      {
        expected: `dealloc(${hex(pointer)}, 0) of what alloc(0) returned returns`,
        found: describeOutcome(`dealloc(${hex(pointer)}, 0)`, freed),
        where: 'dealloc',
        replay: ctx.replayCommand(),
      },
    ]);
  }
  return pass(`alloc(0) returned ${hex(pointer)}; dealloc(${hex(pointer)}, 0) returned`);
});
