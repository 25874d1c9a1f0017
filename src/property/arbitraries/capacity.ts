import fc from 'fast-check';
import type { CapacityChoice } from '../../abi/capacity.js';

/**
 * Ample room first (it shrinks there), and the exact needed size twice as often as zero or a
 * little more: an off-by-one in a copy shows only when the output ends on the last byte.
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
);

/** A capacity strictly below what the call needs (resolved against the probe). */
export const belowNeededArbitrary: fc.Arbitrary<CapacityChoice> = fc.record({
  kind: fc.constant('below' as const),
  fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});
