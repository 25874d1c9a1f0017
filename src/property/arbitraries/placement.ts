import fc from 'fast-check';
import type { LayoutKind, Placement } from '../../abi/buffer-layout.js';

/** Offsets 0..7 from an 8-aligned start; shrinks to 0, the aligned case. */
const misalignment = fc.integer({ min: 0, max: 7 });

export function placementArbitrary(layouts: readonly LayoutKind[]): fc.Arbitrary<Placement> {
  return fc.record({
    layout: fc.constantFrom(...layouts),
    misalign: fc.record({
      input: misalignment,
      output: misalignment,
      cell: misalignment,
      params: misalignment,
    }),
  });
}
