// Encoded text is a real encoding of its bytes, wrapped the ways mail, PEM and configs wrap it,
// and shrinks to the encoding of one zero byte.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  base64TextArbitrary,
  encodedTextArbitrary,
  hexTextArbitrary,
} from '../../../src/generators/encoded-text.js';

const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns = 400): T[] =>
  fc.sample(arbitrary, { seed: 5, numRuns });

function simplest<T>(arbitrary: fc.Arbitrary<T>): T {
  const details = fc.check(
    fc.property<[T]>(arbitrary, () => false),
    { seed: 3 },
  );
  if (!details.counterexample) throw new Error('expected a counterexample');
  return details.counterexample[0];
}

/** The lines of a text, without its one trailing line break. */
const linesOf = (text: string): string[] => text.replace(/\r?\n$/, '').split(/\r?\n/);

describe('base64 text', () => {
  const documents = sample(base64TextArbitrary());
  const texts = documents.map((document) => document.text);

  it('decodes, line breaks removed, to its bytes, and they encode back to it', () => {
    for (const { text, encoding, bytes } of documents) {
      const joined = text.replace(/\r?\n/g, '');
      const alphabet =
        encoding === 'base64url' ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
      expect(joined).toMatch(alphabet);
      const decoded = Buffer.from(joined, 'base64');
      expect(new Uint8Array(decoded)).toEqual(bytes);
      let again = decoded.toString('base64');
      if (encoding === 'base64url') again = again.replace(/\+/g, '-').replace(/\//g, '_');
      // Padded in full, or not at all.
      expect([again, again.replace(/=+$/, '')]).toContain(joined);
    }
  });

  it('wraps at one width, with LF or CRLF, sometimes with a final line break', () => {
    for (const { text } of documents) {
      const crlf = text.includes('\r\n');
      if (crlf) expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      else expect(text).not.toContain('\r');
      const lines = linesOf(text);
      const width = lines[0]!.length;
      for (const line of lines.slice(0, -1)) expect(line).toHaveLength(width);
      expect(lines.at(-1)!.length).toBeLessThanOrEqual(width);
    }
    const widths = new Set(texts.map((text) => linesOf(text)[0]!.length));
    expect(widths).toContain(76);
    expect(widths).toContain(64);
    expect(texts.some((text) => /\S\r\n\S/.test(text))).toBe(true);
    expect(texts.some((text) => text.endsWith('\r\n'))).toBe(true);
    expect(texts.some((text) => /\S\n\S/.test(text) && !text.includes('\r'))).toBe(true);
    expect(texts.some((text) => !/\n$/.test(text) && text.includes('\n'))).toBe(true);
  });

  it('uses both alphabets, padded and not', () => {
    const joined = texts.map((text) => text.replace(/\r?\n/g, ''));
    expect(joined.some((text) => /[-_]/.test(text))).toBe(true);
    expect(joined.some((text) => /[+/]/.test(text))).toBe(true);
    expect(joined.some((text) => text.endsWith('='))).toBe(true);
    expect(joined.some((text) => text.length % 4 !== 0)).toBe(true);
  });

  it('shrinks to one zero byte, "AA=="', () => {
    expect(simplest(base64TextArbitrary()).text).toBe('AA==');
  });
});

describe('hex text', () => {
  it('decodes, whitespace removed, to its bytes; some are spaced, wrapped, upper case', () => {
    const documents = sample(hexTextArbitrary());
    for (const { text, encoding, bytes } of documents) {
      expect(encoding).toBe('hex');
      expect(text).toMatch(/^[0-9a-fA-F \r\n]+$/);
      const joined = text.replace(/\s/g, '');
      expect(joined).toMatch(/^([0-9a-f]*|[0-9A-F]*)$/);
      expect(new Uint8Array(Buffer.from(joined, 'hex'))).toEqual(bytes);
    }
    const texts = documents.map((document) => document.text);
    expect(texts.some((text) => /[0-9a-f]{2} [0-9a-f]{2}/i.test(text))).toBe(true);
    expect(texts.some((text) => /\S\r\n\S/.test(text))).toBe(true);
    expect(texts.some((text) => /[A-F]/.test(text))).toBe(true);
    expect(simplest(hexTextArbitrary()).text).toBe('00');
  });
});

describe('encoded text', () => {
  it('is mostly base64, sometimes hex', () => {
    const encodings = sample(encodedTextArbitrary()).map((document) => document.encoding);
    expect(encodings.filter((encoding) => encoding !== 'hex').length).toBeGreaterThan(200);
    expect(encodings).toContain('hex');
    expect(simplest(encodedTextArbitrary()).text).toBe('AA==');
  });
});
