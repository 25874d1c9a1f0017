import fc from 'fast-check';
import type { CapacityChoice } from '../../abi/capacity.js';

/** Room past 16 bits of elements above the needed size. */
const WIDE_EXTRA = 0x10000;

/**
 * Ample room first (it shrinks there), and the exact needed size twice as often as zero or a
 * little more: an off-by-one in a copy shows only when the output ends on the last byte. Now
 * and then 64 Ki elements more than needed: a capacity whose high half is set, which a count
 * written back with a 16-bit (or 8-bit) store leaves in *output_len.
 */

export const capacityArbitrary: fc.Arbitrary<CapacityChoice> = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'ample' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'zero' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'exact' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('below' as const),
      fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('above' as const),
      extra: fc.integer({ min: 1, max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('above' as const),
      extra: fc.integer({ min: WIDE_EXTRA, max: WIDE_EXTRA + 4095 }),
    }),
  },
);

/** A capacity strictly below what the call needs (resolved against the probe). */
export const belowNeededArbitrary: fc.Arbitrary<CapacityChoice> = fc.record({
  kind: fc.constant('below' as const),
  fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});
