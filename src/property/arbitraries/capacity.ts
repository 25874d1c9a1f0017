import fc from 'fast-check';

/**
 * The capacity written into *output_len, relative to what the call needs (learned from a probe
 * call with ample room): none, below, exactly, above, or ample.
 */
export type CapacityChoice =
  | { kind: 'ample' }
  | { kind: 'zero' }
  | { kind: 'exact' }
  | { kind: 'below'; fraction: number }
  | { kind: 'above'; extra: number };

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

/** Capacity in elements for a choice, given the needed count (undefined when unknown). */
export function resolveCapacity(
  choice: CapacityChoice,
  needed: number | undefined,
  ample: number,
): number {
  if (choice.kind === 'zero') return 0;
  if (needed === undefined || choice.kind === 'ample') return ample;
  if (choice.kind === 'exact') return needed;
  if (choice.kind === 'above') return needed + choice.extra;
  return Math.floor(needed * choice.fraction);
}

export function describeCapacity(choice: CapacityChoice): string {
  switch (choice.kind) {
    case 'below':
      return `below the needed size (${Math.round(choice.fraction * 100)}% of it)`;
    case 'above':
      return `the needed size + ${choice.extra}`;
    case 'exact':
      return 'exactly the needed size';
    case 'zero':
      return '0';
    case 'ample':
      return 'ample';
  }
}
