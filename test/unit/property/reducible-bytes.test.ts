import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reducibleBytes } from '../../../src/property/arbitraries/reducible-bytes.js';
import { expandBytes } from '../../../src/generators/seeded-bytes.js';

// Inputs made by `map` (as the format shapes and seeded large inputs are) cannot be shrunk by
// fast-check below their own structure; the wrapper shrinks them by deleting bytes.
const mapped = fc.nat().map((seed) => {
  const out = expandBytes(200, seed, false);
  out[seed % 200] = 0x41;
  return out;
});
const hasNoA = (bytes: Uint8Array): boolean => !bytes.includes(0x41);

describe('reducibleBytes', () => {
  it('shrinks a mapped input to the one byte that fails', () => {
    const plain = fc.check(fc.property(mapped, hasNoA), { seed: 1 });
    const reduced = fc.check(fc.property(reducibleBytes(mapped), hasNoA), { seed: 1 });
    expect(plain.counterexample?.[0].length).toBe(200);
    expect([...(reduced.counterexample?.[0] ?? [])]).toEqual([0x41]);
  });

  it('replays the same counterexample from its path', () => {
    const found = fc.check(fc.property(reducibleBytes(mapped), hasNoA), { seed: 7 });
    const replayed = fc.check(fc.property(reducibleBytes(mapped), hasNoA), {
      seed: 7,
      path: found.counterexamplePath!,
    });
    expect(replayed.counterexample).toEqual(found.counterexample);
  });
});
