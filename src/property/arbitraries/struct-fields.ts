import fc from 'fast-check';
import type { StructSpec } from '../../spec-model/abi-types.generated.js';
import type { SizeFormula } from '../../abi/size-formula.js';

/**
 * Dimension-like u32s: 0, 1, small, wide, the edges of 8 and 16 bits (where a field stored
 * in a narrower type wraps), and values whose products overflow u32.
 */
const dimension = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(1) },
  { weight: 12, arbitrary: fc.integer({ min: 1, max: 48 }) },
  { weight: 2, arbitrary: fc.integer({ min: 49, max: 1024 }) },
  { weight: 1, arbitrary: fc.constantFrom(0xff, 0x100, 0x7fff, 0x8000, 0xffff) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0x10000, 0x10001, 0x55555556, 0x7fffffff, 0x80000000, 0xffffffff),
  },
);

export type FieldValues = Record<string, number>;

/**
 * Values for every field of a params struct. Sizes the formulas derive must either overflow
 * u32 (the plugin must reject them) or fit the host's input limit (the host must provide them).
 */
export function structFieldsArbitrary(
  struct: StructSpec,
  sizes: readonly SizeFormula[],
  maxBytes: number,
): fc.Arbitrary<FieldValues> {
  const record: Record<string, fc.Arbitrary<number>> = {};
  for (const field of struct.fields) record[field.name] = dimension;
  return fc.record(record).filter((fields) =>
    sizes.every((size) => {
      const bytes = size.evaluate(fields);
      return bytes > 0xffffffffn || bytes <= BigInt(maxBytes);
    }),
  );
}
