// The default input mix: the generic shapes, the format shapes and dictionary splices, within
// --max-input-size, shrinking to the empty input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FORMAT_WEIGHTS } from '../../../src/generators/formats.js';
import { INPUT_WEIGHTS, inputBytesArbitrary } from '../../../src/generators/input-bytes.js';

const WHITESPACE = [0x20, 0x09, 0x0a, 0x0d];
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('the default input mix', () => {
  it('gives the new shapes a fair share: formats and dictionary near half, generic the rest', () => {
    const { formats, dictionary, boundaryNumber, corpusFactor, exploredFactor, ...generic } =
      INPUT_WEIGHTS;
    const genericTotal = Object.values(generic).reduce((sum, weight) => sum + weight, 0);
    expect(genericTotal).toBe(25);
    const shaped = formats + dictionary + boundaryNumber;
    expect(shaped / (genericTotal + shaped)).toBeCloseTo(0.56, 2);
    expect(corpusFactor).toBe(2);
    expect(exploredFactor).toBe(1);
    expect(Object.values(FORMAT_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBe(31);
  });

  it('has every family: digits, JSON, CSV, lines, key=value, INI, templates, base64, frames, runs, text, bytes', () => {
    const all = fc
      .sample(inputBytesArbitrary(1 << 20, WHITESPACE), { seed: 11, numRuns: 2000 })
      .map(text);
    // The shapes are told apart on the inputs below 64 KiB: the patterns backtrack on a large
    // one, for seconds, and no shape needs the size to show.
    const inputs = all.filter((input) => input.length < 65536);
    expect(inputs.some((input) => /^[0-9]+$/.test(input))).toBe(true);
    expect(inputs.some((input) => /^[[{]/.test(input) && isJson(input))).toBe(true);
    expect(inputs.some((input) => /^[^\n]*,[^\n]*\r?\n[^\n]*,/.test(input))).toBe(true);
    expect(inputs.some((input) => /^[a-zA-Z0-9._-]+=/m.test(input))).toBe(true);
    expect(inputs.some((input) => /^\[\w+\]\r?\n\w+/m.test(input))).toBe(true);
    expect(inputs.some((input) => /\{\{ ?\w+ ?\}\}/.test(input))).toBe(true);
    // A full MIME or PEM line of base64, then a line break.
    expect(inputs.some((input) => /^[A-Za-z0-9+/]{64}([A-Za-z0-9+/]{12})?\r?\n/.test(input))).toBe(
      true,
    );
    expect(inputs.some((input) => input === '')).toBe(true);
    expect(all.some((input) => input.length > 100_000)).toBe(true);
  });

  it.each([1, 16, 300])('keeps within a budget of %i bytes', (max) => {
    const tokens = [new TextEncoder().encode('a-long-dictionary-token')];
    const samples = [new Uint8Array(1000).fill(7)];
    for (const input of fc.sample(
      inputBytesArbitrary(max, WHITESPACE, { dictionary: tokens, corpus: samples }),
      { seed: 12, numRuns: 500 },
    )) {
      expect(input.length).toBeLessThanOrEqual(max);
    }
  });

  it('shrinks a failure that any input shows to the empty input', () => {
    const details = fc.check(
      fc.property(inputBytesArbitrary(1 << 20, WHITESPACE), () => false),
      { seed: 13 },
    );
    expect(details.counterexample![0]).toEqual(new Uint8Array(0));
  });
});

function isJson(input: string): boolean {
  try {
    JSON.parse(input);
    return true;
  } catch {
    return false;
  }
}
