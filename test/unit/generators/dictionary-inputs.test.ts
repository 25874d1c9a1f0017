// Dictionary splices use the module's tokens, fit the budget, and shrink to a token.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dictionaryInputArbitrary,
  insertAt,
  orderTokens,
  overwriteAt,
  tokenArbitrary,
} from '../../../src/generators/dictionary-inputs.js';
import { defaultInputArbitrary } from '../../../src/generators/input-bytes.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const TOKENS = ['MAGIC', 'key', 'value', '=', ';', 'ZNTH\u0001'].map(utf8);

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let at = 0; at + needle.length <= haystack.length; at++) {
    for (let i = 0; i < needle.length; i++) if (haystack[at + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}
const startsWith = (bytes: Uint8Array, prefix: Uint8Array): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

describe('dictionary tokens', () => {
  it('come longest-kind first, without empty ones', () => {
    expect(
      orderTokens([...TOKENS, new Uint8Array(0)]).map((t) => Buffer.from(t).toString()),
    ).toEqual(['MAGIC', 'key', 'value', 'ZNTH\u0001', '=', ';']);
  });

  it('join letters and digits compared one at a time into the magic they spell', () => {
    const singles = ['\u0008', 'Z', 'N', 'T', 'H', '\u0010', 'a', 'b', 'Z'].map(utf8);
    const ordered = orderTokens([...singles, utf8('plugin v1.0.0')]);
    expect(ordered.map((t) => Buffer.from(t).toString())).toEqual([
      'plugin v1.0.0',
      'ZNTH',
      'abZ',
      '\u0008',
      'Z',
      'N',
      'T',
      'H',
      '\u0010',
      'a',
      'b',
    ]);
  });

  it('are drawn from the dictionary, the longer ones more often', () => {
    const drawn = fc.sample(tokenArbitrary(TOKENS), { seed: 1, numRuns: 400 });
    for (const token of drawn)
      expect(TOKENS.some((t) => Buffer.compare(t, token) === 0)).toBe(true);
    expect(drawn.filter((token) => token.length > 1).length).toBeGreaterThan(250);
  });

  it('insert and overwrite at a position, modulo the length', () => {
    expect(insertAt(utf8('abcd'), utf8('XY'), 2)).toEqual(utf8('abXYcd'));
    expect(insertAt(utf8('abcd'), utf8('XY'), 7)).toEqual(utf8('abXYcd'));
    expect(overwriteAt(utf8('abcd'), utf8('XY'), 1)).toEqual(utf8('aXYd'));
    expect(overwriteAt(utf8('a'), utf8('XY'), 5)).toEqual(utf8('XY'));
  });
});

describe('dictionary inputs', () => {
  const inputs = fc.sample(dictionaryInputArbitrary(TOKENS, 1 << 20), { seed: 2, numRuns: 600 });

  it('every one holds a token', () => {
    for (const input of inputs) expect(TOKENS.some((token) => contains(input, token))).toBe(true);
  });

  it('splice tokens as a prefix, alone, joined and as token-separator-token pairs', () => {
    const magic = utf8('MAGIC');
    expect(inputs.filter((input) => startsWith(input, magic)).length).toBeGreaterThan(50);
    expect(inputs.some((input) => Buffer.compare(input, magic) === 0)).toBe(true);
    expect(
      inputs.some((input) =>
        /^(key|value|MAGIC)[=;:, ](key|value|MAGIC)/.test(Buffer.from(input).toString('latin1')),
      ),
    ).toBe(true);
    expect(
      inputs.some((input) => contains(input, utf8('keykey')) || contains(input, utf8('MAGICkey'))),
    ).toBe(true);
  });

  it('put a name between the delimiters the module compares with, or common ones', () => {
    const template = ['{{', '}}', 'user', 'host', 'called `Option::unwrap()`'].map(utf8);
    const texts = fc
      .sample(dictionaryInputArbitrary(template, 1 << 20), { seed: 5, numRuns: 600 })
      .map((input) => Buffer.from(input).toString('latin1'));
    const own = texts.filter((text) => /\{\{(user|host)\}\}/.test(text)).length;
    expect(own).toBeGreaterThan(30);
    expect(texts.some((text) => /(\$\{|<%=|%)(user|host)(\}|%>|%)/.test(text))).toBe(true);
    // Without a name-like token, any token goes between.
    const noNames = fc
      .sample(dictionaryInputArbitrary(TOKENS.slice(3), 1 << 20), { seed: 5, numRuns: 300 })
      .map((input) => Buffer.from(input).toString('latin1'));
    const between = ['=', ';', 'ZNTH\u0001'].map((token) => `{{${token}}}`);
    expect(noNames.some((text) => between.some((wrapped) => text.includes(wrapped)))).toBe(true);
  });

  it('put a length and that many bytes after a magic', () => {
    // One input in a few hundred is this exact frame (a u32, little-endian, exact, untagged).
    const many = fc.sample(dictionaryInputArbitrary(TOKENS, 1 << 20), { seed: 2, numRuns: 3000 });
    const framed = many.filter((input) => {
      if (!startsWith(input, utf8('MAGIC')) || input.length !== 5 + 4 + input[5]!) return false;
      return input[6] === 0 && input[7] === 0 && input[8] === 0;
    });
    expect(framed.length).toBeGreaterThan(0);
  });

  it.each([3, 40])('fit a budget of %i bytes', (max) => {
    for (const input of fc.sample(dictionaryInputArbitrary(TOKENS, max), {
      seed: 3,
      numRuns: 300,
    })) {
      expect(input.length).toBeLessThanOrEqual(max);
    }
  });

  it('shrink to little more than the token a failure needs', () => {
    const value = utf8('value');
    const details = fc.check(
      fc.property(dictionaryInputArbitrary(TOKENS, 1 << 20), (input) => !contains(input, value)),
      { seed: 4 },
    );
    const shrunk = details.counterexample![0];
    expect(contains(shrunk, value)).toBe(true);
    expect(shrunk.length).toBeLessThanOrEqual(2 * value.length + 2);
  });

  it('are part of the default mix when the module has tokens, and absent without', () => {
    const count = (tokens: Uint8Array[]): number =>
      fc
        .sample(defaultInputArbitrary(1 << 20, [0x20], tokens), { seed: 5, numRuns: 1000 })
        .filter((input) => contains(input, utf8('ZNTH\u0001'))).length;
    expect(count(TOKENS)).toBeGreaterThan(20);
    expect(count([])).toBe(0);
  });
});
