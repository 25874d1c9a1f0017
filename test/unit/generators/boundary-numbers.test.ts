// Numbers at integer edges written into inputs: a count whose product with what follows it
// wraps in 32 bits, the fixed edges of 16, 31, 32 and 64 bits, and the negative minimums.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryValues, withBoundaryNumber } from '../../../src/generators/boundary-numbers.js';

const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const u32 = (value: bigint): bigint => value & 0xffffffffn;

describe('boundary numbers', () => {
  it('include, for what follows the number, the smallest count whose 32-bit product wraps', () => {
    for (const following of [1, 5, 7, 100, 4096]) {
      const wrapping = boundaryValues(following).filter(
        (value) =>
          value * BigInt(following) >= 2n ** 32n &&
          u32(value * BigInt(following)) < BigInt(following),
      );
      expect(wrapping.length, `following ${following}`).toBeGreaterThan(0);
    }
    expect(boundaryValues(3)).toEqual(
      expect.arrayContaining([2n ** 31n - 1n, 2n ** 32n, 2n ** 64n, -(2n ** 31n), -(2n ** 63n)]),
    );
  });

  it('write over a digit run, keeping the bytes around it ("N*text" stays "N*text")', () => {
    const inputs = fc
      .sample(withBoundaryNumber(fc.constant(new TextEncoder().encode('3*abcde')), 1000), {
        seed: 5,
        numRuns: 300,
      })
      .map(text);
    expect(inputs.every((input) => /^-?[0-9]+\*abcde$/.test(input))).toBe(true);
    // 858993460 * 5 = 2^32 + 4: the count that wraps to 4 bytes.
    expect(inputs).toContain('858993460*abcde');
  });

  it('put a number in front of an input without digits, within the byte budget', () => {
    const inputs = fc.sample(withBoundaryNumber(fc.constant(new TextEncoder().encode('ab')), 6), {
      seed: 9,
      numRuns: 100,
    });
    expect(inputs.every((input) => input.length <= 6)).toBe(true);
    expect(inputs.map(text)).toContain('65535a');
  });
});
