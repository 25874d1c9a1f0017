import fc from 'fast-check';
import type { CapacityChoice } from '../../abi/capacity.js';

export const capacityArbitrary: fc.Arbitrary<CapacityChoice> = fc.oneof(
  fc.constant({ kind: 'ample' as const }),
  fc.constant({ kind: 'zero' as const }),
  fc.constant({ kind: 'exact' as const }),
  fc.record({
    kind: fc.constant('below' as const),
    fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  }),
  fc.record({ kind: fc.constant('above' as const), extra: fc.integer({ min: 1, max: 64 }) }),
);

/** A capacity strictly below what the call needs (resolved against the probe). */
export const belowNeededArbitrary: fc.Arbitrary<CapacityChoice> = fc.record({
  kind: fc.constant('below' as const),
  fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});
