import fc from 'fast-check';
import type { CallCase } from '../../src/abi/call-case.js';
import type { CaseEnvironment } from '../../src/property/arbitraries/call-case.js';
import { derivedInput } from '../../src/property/arbitraries/call-case.js';
import { placementArbitrary } from '../../src/property/arbitraries/placement.js';
import type { CallShape } from '../../src/abi/call-shape.js';

export interface Dimensions {
  src_width: number;
  src_height: number;
  dst_width: number;
  dst_height: number;
}

const side = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 48 }) },
  { weight: 1, arbitrary: fc.integer({ min: 49, max: 300 }) },
);

/** Valid sizes: every dimension at least 1, images small enough to check quickly. */
export const validDimensions: fc.Arbitrary<Dimensions> = fc
  .record({ src_width: side, src_height: side, dst_width: side, dst_height: side })
  .filter((d) => d.src_width * d.src_height <= 90_000 && d.dst_width * d.dst_height <= 90_000);

/** Sizes a plugin must refuse: a zero side, or a width*height*3 that overflows u32. */
export const invalidDimensions: fc.Arbitrary<Dimensions> = fc
  .tuple(
    validDimensions,
    fc.constantFrom<keyof Dimensions>('src_width', 'src_height', 'dst_width', 'dst_height'),
    fc.constantFrom('zero', 'square-overflow', 'times-three-overflow'),
  )
  .map(([dims, field, how]) => {
    const out = { ...dims };
    if (how === 'zero') out[field] = 0;
    else {
      const isSource = field.startsWith('src');
      const [w, h] = isSource
        ? (['src_width', 'src_height'] as const)
        : (['dst_width', 'dst_height'] as const);
      // 0x10000 * 0x10000 wraps to 0 in u32; 0x55555556 * 3 wraps to 2.
      if (how === 'square-overflow') [out[w], out[h]] = [0x10000, 0x10000];
      else [out[w], out[h]] = [0x55555556, 1];
    }
    return out;
  });

export function resizeCase(
  shape: CallShape,
  env: CaseEnvironment,
  dims: fc.Arbitrary<Dimensions>,
): fc.Arbitrary<CallCase> {
  return fc
    .record({ dims, seed: fc.nat(), placement: placementArbitrary(['apart']) })
    .map(({ dims: fields, seed, placement }) => ({
      input: derivedInput(shape, { ...fields }, seed, env.maxInputBytes),
      fields: { ...fields },
      placement,
      capacity: { kind: 'ample' as const },
    }));
}

/** The guide's nearest-neighbour formula in f32 (Math.fround), clamped to the source. */
export function resizeOracle(pixels: Uint8Array, d: Dimensions): Uint8Array {
  const out = new Uint8Array(d.dst_width * d.dst_height * 3);
  const xRatio = Math.fround(Math.fround(d.src_width) / Math.fround(d.dst_width));
  const yRatio = Math.fround(Math.fround(d.src_height) / Math.fround(d.dst_height));
  for (let y = 0; y < d.dst_height; y++) {
    const srcY = Math.min(Math.trunc(Math.fround(Math.fround(y) * yRatio)), d.src_height - 1);
    for (let x = 0; x < d.dst_width; x++) {
      const srcX = Math.min(Math.trunc(Math.fround(Math.fround(x) * xRatio)), d.src_width - 1);
      const from = (srcY * d.src_width + srcX) * 3;
      const to = (y * d.dst_width + x) * 3;
      out[to] = pixels[from]!;
      out[to + 1] = pixels[from + 1]!;
      out[to + 2] = pixels[from + 2]!;
    }
  }
  return out;
}
