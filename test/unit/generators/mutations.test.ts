// Corpus mutations do what they say, stay within the budget, and a mutant shrinks back to its
// sample, then to a shorter part of it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INTERESTING,
  applyMutation,
  corpusInputArbitrary,
  mutationArbitrary,
  randomMutation,
  type Mutation,
  type MutationSources,
} from '../../../src/generators/mutations.js';
import { inputBytesArbitrary } from '../../../src/generators/input-bytes.js';
import { Prng } from '../../../src/generators/prng.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const SAMPLES = [utf8('HEADER:payload-data'), utf8('other sample'), utf8('xy')];
const SOURCES: MutationSources = { samples: SAMPLES, dictionary: [utf8('TOKEN')] };
const apply = (input: string, mutation: Mutation, max = 1 << 20): string =>
  text(applyMutation(utf8(input), mutation, SOURCES, max));

describe('applyMutation', () => {
  it('truncates, extends, deletes and repeats', () => {
    expect(apply('abcdef', { kind: 'truncate', drop: 0 })).toBe('abcde');
    expect(apply('abcdef', { kind: 'truncate', drop: 8 })).toBe('abc');
    expect(apply('abc', { kind: 'extend', bytes: utf8('XYZ') })).toBe('abcXYZ');
    expect(apply('abcdef', { kind: 'delete', at: 1, length: 1 })).toBe('adef');
    expect(apply('abcdef', { kind: 'repeat', at: 1, length: 1, times: 2 })).toBe('abcbcbcdef');
  });

  it('splices with another sample, flips a bit, adds to a byte', () => {
    expect(apply('abcdef', { kind: 'splice', other: 1, at: 2, from: 6 })).toBe('absample');
    expect(apply('abc', { kind: 'flip', at: 1, bit: 0 })).toBe('acc');
    expect(apply('abc', { kind: 'arith', at: 0, delta: 2 })).toBe('cbc');
    expect(
      applyMutation(Uint8Array.of(0), { kind: 'arith', at: 0, delta: -1 }, SOURCES, 9),
    ).toEqual(Uint8Array.of(0xff));
  });

  it('writes interesting values little-endian: 0, 0xff, 0x7f, 0x80 and wider ones', () => {
    const values = INTERESTING[1]
      .slice(0, 4)
      .map(
        (_, value) =>
          applyMutation(
            Uint8Array.of(5, 5),
            { kind: 'interesting', at: 1, width: 1, value },
            SOURCES,
            9,
          )[1],
      );
    expect(values).toEqual([0x00, 0xff, 0x7f, 0x80]);
    expect(
      applyMutation(
        new Uint8Array(6),
        { kind: 'interesting', at: 1, width: 4, value: 3 },
        SOURCES,
        9,
      ),
    ).toEqual(Uint8Array.of(0, 0, 0, 0, 0x80, 0));
  });

  it('writes a length field: the bytes after it, u8 to u32, either byte order', () => {
    const input = new Uint8Array(12);
    expect(
      applyMutation(input, { kind: 'length', at: 4, width: 4, bigEndian: false }, SOURCES, 99),
    ).toEqual(Uint8Array.of(0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0));
    expect(
      applyMutation(input, { kind: 'length', at: 0, width: 2, bigEndian: true }, SOURCES, 99),
    ).toEqual(Uint8Array.of(0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    expect(
      applyMutation(
        Uint8Array.of(7),
        { kind: 'length', at: 0, width: 2, bigEndian: false },
        SOURCES,
        9,
      ),
    ).toEqual(Uint8Array.of(7));
  });

  it('inserts or writes a dictionary token', () => {
    expect(apply('abcd', { kind: 'token', token: 0, at: 2, overwrite: false })).toBe('abTOKENcd');
    expect(apply('abcdefgh', { kind: 'token', token: 0, at: 1, overwrite: true })).toBe('aTOKENgh');
  });

  it('breaks a line: LF, CRLF or a lone CR inserted, or every LF made CRLF', () => {
    expect(apply('QUJDREVG', { kind: 'lineBreak', at: 4, style: 0 })).toBe('QUJD\nREVG');
    expect(apply('QUJDREVG', { kind: 'lineBreak', at: 4, style: 1 })).toBe('QUJD\r\nREVG');
    expect(apply('ab', { kind: 'lineBreak', at: 7, style: 2 })).toBe('a\rb');
    expect(apply('a\nb\r\nc\n', { kind: 'lineBreak', at: 0, style: 3 })).toBe('a\r\nb\r\nc\r\n');
    // No LF to make CRLF: one CRLF goes in instead.
    expect(apply('ab', { kind: 'lineBreak', at: 1, style: 3 })).toBe('a\r\nb');
    expect(apply('', { kind: 'lineBreak', at: 5, style: 0 })).toBe('\n');
  });

  it('leaves an empty input alone where there is nothing to change, and keeps to the budget', () => {
    for (const mutation of [
      { kind: 'flip', at: 3, bit: 1 },
      { kind: 'delete', at: 0, length: 4 },
      { kind: 'truncate', drop: 2 },
    ] as const) {
      expect(apply('', mutation)).toBe('');
    }
    const mutations = fc.sample(mutationArbitrary(SOURCES), { seed: 1, numRuns: 500 });
    for (const mutation of mutations) {
      expect(applyMutation(SAMPLES[0]!, mutation, SOURCES, 20).length).toBeLessThanOrEqual(20);
    }
    const kinds = new Set(mutations.map((mutation) => mutation.kind));
    expect([...kinds].sort()).toEqual([
      'arith',
      'delete',
      'extend',
      'flip',
      'interesting',
      'length',
      'lineBreak',
      'repeat',
      'splice',
      'textSize',
      'token',
      'truncate',
    ]);
  });

  it('draws the same mutations from the same Prng seed', () => {
    const draw = (seed: number): Mutation[] => {
      const rng = new Prng(seed);
      return Array.from({ length: 50 }, () => randomMutation(rng, SOURCES));
    };
    expect(draw(9)).toEqual(draw(9));
    expect(draw(9)).not.toEqual(draw(10));
  });
});

describe('corpus inputs', () => {
  const arbitrary = corpusInputArbitrary(SAMPLES, SOURCES.dictionary, 1 << 20);

  it('are the samples themselves a quarter of the time, mutants otherwise', () => {
    const inputs = fc.sample(arbitrary, { seed: 2, numRuns: 800 }).map(text);
    const samples = new Set(SAMPLES.map(text));
    const unmutated = inputs.filter((input) => samples.has(input)).length;
    expect(unmutated).toBeGreaterThan(120);
    expect(unmutated).toBeLessThan(400);
    expect(new Set(inputs).size).toBeGreaterThan(300);
  });

  it('shrink back to the unmutated sample', () => {
    const sample = SAMPLES[0]!;
    const details = fc.check(
      fc.property(arbitrary, (input) => !text(input).startsWith(text(sample))),
      { seed: 3 },
    );
    expect(text(details.counterexample![0])).toBe(text(sample));
  });

  it('then to the shortest part of it that still fails', () => {
    const details = fc.check(
      fc.property(arbitrary, (input) => !text(input).includes('HEADER')),
      { seed: 4 },
    );
    expect(text(details.counterexample![0])).toBe('HEADER');
  });

  it('weigh twice the rest of the mix together', () => {
    // A sample of 512 `S`: its mutants still hold most of them; other inputs hardly any.
    const inputs = fc.sample(
      inputBytesArbitrary(1 << 20, [0x20], { corpus: [utf8('S'.repeat(512))] }),
      { seed: 5, numRuns: 900 },
    );
    const fromSample = inputs.filter(
      (input) => input.filter((byte) => byte === 0x53).length >= 128,
    ).length;
    expect(fromSample).toBeGreaterThan(500);
    expect(fromSample).toBeLessThan(700);
  });
});

describe('the text-size mutation', () => {
  const sized = (input: string, first: number, count: number, after: number, nul = true) =>
    apply(input, { kind: 'textSize', first, count, after, scale: 0, nul });

  it('sizes what follows a header by the product of its numbers, after one separator', () => {
    // Width 3 and height 2 after "P5": 6 bytes after the separator that ends the maxval.
    expect(sized('P5 3 2 255\nxy', 1, 1, 1)).toBe('P5 3 2 255\n' + '\0'.repeat(6));
    // The input's own bytes, repeated to the size.
    expect(sized('P5 3 2 255\nxy', 1, 1, 1, false)).toBe('P5 3 2 255\nxyxyxy');
    // A netstring: the count alone, after its colon.
    expect(sized('5:hi,', 0, 0, 0, false)).toBe('5:hi,hi');
  });

  it('leaves an input without digits, or one whose size would pass the budget, alone', () => {
    expect(sized('no numbers', 0, 0, 0)).toBe('no numbers');
    expect(
      apply(
        '9999999 9',
        { kind: 'textSize', first: 0, count: 1, after: 0, scale: 0, nul: true },
        1000,
      ),
    ).toBe('9999999 9');
  });
});
