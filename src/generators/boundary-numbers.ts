/**
 * A number in an input replaced by one at an integer edge, the way a size computation from it
 * overflows: `count * len` in 32 bits wraps to a small value when count is just past 2^32/len,
 * and then passes the capacity check it was meant to fail. The value depends on the input it
 * goes into: 2^32 and 2^31 over the length of what follows the number (the text a count
 * repeats, the records a header counts) and over small element sizes, and the edges of 16, 31,
 * 32 and 64 bits, which a parser that accumulates digits in a fixed width gets wrong, and the
 * negative minimums, which a formatter that negates to print gets wrong.
 */
import fc from 'fast-check';
import { concatBytes, encoder, fitBytes } from './bytes.js';

const FIXED_EDGES = [
  2n ** 16n - 1n,
  2n ** 16n,
  2n ** 31n - 1n,
  2n ** 31n,
  2n ** 32n - 1n,
  2n ** 32n,
  2n ** 32n + 1n,
  2n ** 63n - 1n,
  2n ** 63n,
  2n ** 64n - 1n,
  2n ** 64n,
  // The two's-complement minimums and one below: -x overflows, so a formatter that negates
  // to print, or a parser that accumulates the magnitude, goes wrong there.
  -(2n ** 31n),
  -(2n ** 31n) - 1n,
  -(2n ** 63n),
  -(2n ** 63n) - 1n,
];
/** Sizes of an element a count may be multiplied by (hex digits, UTF-16, words, pixels). */
const ELEMENT_BYTES = [2, 3, 4, 8, 12, 16];

const ceilDiv = (value: bigint, divisor: bigint): bigint => (value + divisor - 1n) / divisor;

/** The numbers that overflow a product with `following` bytes after them, then the fixed edges. */
export function boundaryValues(following: number): bigint[] {
  const divisors = [
    ...new Set([Math.max(1, following), following + 1, ...ELEMENT_BYTES].map(BigInt)),
  ];
  const relative = divisors.flatMap((d) => [ceilDiv(2n ** 32n, d), ceilDiv(2n ** 31n, d)]);
  return [...new Set([...relative, ...FIXED_EDGES])];
}

/** Where each run of ASCII digits starts and ends. */
export function digitRuns(bytes: Uint8Array): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= bytes.length; i++) {
    const digit = i < bytes.length && bytes[i]! >= 0x30 && bytes[i]! <= 0x39;
    if (digit && start < 0) start = i;
    if (!digit && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/**
 * `base`'s inputs with one digit run written over by an edge value (the input's first bytes
 * get one when it has none: a count in front). What follows the number, less the separator
 * after it, is what a product with it would count.
 */
export function withBoundaryNumber(
  base: fc.Arbitrary<Uint8Array>,
  maxBytes: number,
): fc.Arbitrary<Uint8Array> {
  // Half the time the first value (the count whose product with what follows just wraps), and
  // the first number (a command's count comes first).
  const firstOrAny = fc.oneof(fc.constant(0), fc.nat());
  return fc.tuple(base, firstOrAny, firstOrAny).map(([bytes, runChoice, choice]) => {
    const runs = digitRuns(bytes);
    const [start, end] = runs.length > 0 ? runs[runChoice % runs.length]! : [0, 0];
    const following = Math.max(0, bytes.length - end - 1);
    const values = boundaryValues(following);
    const number = encoder.encode(values[choice % values.length]!.toString());
    return fitBytes(concatBytes([bytes.subarray(0, start), number, bytes.subarray(end)]), maxBytes);
  });
}
