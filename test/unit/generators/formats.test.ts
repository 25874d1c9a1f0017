// The format shapes produce what they claim, fit the byte budget, and shrink to their
// simplest instance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvArbitrary,
  deepNestingArbitrary,
  digitsArbitrary,
  formatInputArbitrary,
  iniArbitrary,
  jsonArbitrary,
  keyValueArbitrary,
  lengthPrefixedArbitrary,
  linesArbitrary,
  longRunArbitrary,
  numberArbitrary,
  numberListArbitrary,
  PLACEHOLDER_SYNTAXES,
  templateArbitrary,
  utf8CharArbitrary,
  utf8WidthsArbitrary,
  wordsArbitrary,
  plainRecordsArbitrary,
} from '../../../src/generators/formats.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encoder = new TextEncoder();
const sample = <T>(arbitrary: fc.Arbitrary<T>, numRuns = 300): T[] =>
  fc.sample(arbitrary, { seed: 7, numRuns });

/** The value fast-check shrinks to when every value fails. */
function simplest<T>(arbitrary: fc.Arbitrary<T>, fails: (value: T) => boolean = () => true): T {
  const details = fc.check(
    fc.property(arbitrary, (value) => !fails(value)),
    { seed: 3, numRuns: 200 },
  );
  if (!details.counterexample) throw new Error('expected a counterexample');
  return details.counterexample[0];
}

/** An RFC 4180 reader: quoted fields with doubled quotes, LF or CRLF between records. */
function readCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let at = 0;
  const endRecord = (): void => {
    record.push(field);
    records.push(record);
    record = [];
    field = '';
  };
  while (at < text.length) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      at++;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[at + 1] === '\n') {
      endRecord();
      at++;
    } else if (char === '\n') endRecord();
    else field += char;
    at++;
  }
  if (field !== '' || record.length > 0 || !/\r?\n$/.test(text)) endRecord();
  return records;
}

const depthOf = (value: unknown): number =>
  Array.isArray(value)
    ? 1 + Math.max(0, ...value.map(depthOf))
    : value !== null && typeof value === 'object'
      ? 1 + Math.max(0, ...Object.values(value).map(depthOf))
      : 0;

describe('number shapes', () => {
  it('digits are ASCII digits only, up to 40 of them', () => {
    for (const digits of sample(digitsArbitrary())) expect(digits).toMatch(/^[0-9]{1,40}$/);
  });

  it('numbers are JSON numbers, signed and decimal, with exponents', () => {
    const numbers = sample(numberArbitrary());
    for (const text of numbers) {
      expect(text).toMatch(/^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/);
      expect(JSON.parse(text)).toBe(Number(text));
    }
    expect(numbers.some((text) => text.startsWith('-'))).toBe(true);
    expect(numbers.some((text) => text.includes('.'))).toBe(true);
    expect(numbers.some((text) => /e/i.test(text))).toBe(true);
  });

  it('number lists use one separator throughout', () => {
    for (const list of sample(numberListArbitrary())) {
      expect(list).toMatch(/^[-+0-9.eE]+((?:, |[ ,\n;\t])[-+0-9.eE]+)*$/);
    }
  });

  it('shrink to "0"', () => {
    expect(simplest(digitsArbitrary())).toBe('0');
    expect(simplest(numberArbitrary())).toBe('0');
  });
});

describe('plain records', () => {
  it('are lines of the same field count, one delimiter, fields never quoted or empty', () => {
    const docs = fc.sample(plainRecordsArbitrary(), { seed: 4, numRuns: 300 });
    for (const doc of docs) {
      expect(doc).not.toMatch(/"/);
      const lines = doc.replace(/\r?\n$/, '').split(/\r?\n/);
      const delimiter = [',', ';', '\t', '|', ' '].find((d) => lines[0]!.includes(d));
      const widths = lines.map((line) => (delimiter ? line.split(delimiter) : [line]));
      expect(new Set(widths.map((fields) => fields.length)).size).toBe(1);
      for (const field of widths.flat()) expect(field).toMatch(/^([A-Za-z0-9]+|[0-9]+\.[0-9]{2})$/);
    }
    // Columns keep their type: a word column, then number columns, comma-separated.
    expect(docs.some((doc) => /^([a-z][A-Za-z0-9]*,[0-9.]+,[0-9.]+\r?\n){2}/.test(doc))).toBe(true);
  });
});

describe('text shapes', () => {
  it('words are ASCII letters and digits separated by single spaces', () => {
    for (const words of sample(wordsArbitrary()))
      expect(words).toMatch(/^[A-Za-z0-9]+( [A-Za-z0-9]+)*$/);
  });

  it('lines end in LF or CRLF, one kind per text, some with a final newline', () => {
    const texts = sample(linesArbitrary());
    for (const text of texts) {
      const crlf = text.includes('\r\n');
      if (crlf) expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      else expect(text).not.toContain('\r');
    }
    expect(texts.some((text) => text.includes('\r\n'))).toBe(true);
    expect(texts.some((text) => /\n/.test(text) && !text.includes('\r'))).toBe(true);
    expect(texts.some((text) => text.endsWith('\n'))).toBe(true);
    expect(texts.some((text) => text.includes('\n') && !text.endsWith('\n'))).toBe(true);
    expect(simplest(linesArbitrary())).toBe('a');
  });

  it('key=value lines are keys, a separator and values, with comments', () => {
    const texts = sample(keyValueArbitrary());
    for (const text of texts) {
      for (const line of text.split(/\r?\n/)) {
        if (line === '' || line.startsWith('#')) continue;
        expect(line).toMatch(/^[A-Za-z0-9]+([._-][A-Za-z0-9]+)?( = |: |=|:)/);
      }
    }
    expect(texts.some((text) => text.includes('#'))).toBe(true);
    expect(simplest(keyValueArbitrary())).toBe('a=a');
  });

  it('INI has section headers over key=value lines, and some section name comes back', () => {
    const texts = sample(iniArbitrary());
    for (const text of texts) {
      for (const line of text.split(/\r?\n/)) {
        if (line === '' || /^[#;]/.test(line) || /^\[[^\]\r\n]*\]$/.test(line)) continue;
        expect(line).toMatch(/^[A-Za-z0-9]+([._-][A-Za-z0-9]+)?( = |: |=|:)/);
      }
    }
    const headers = (text: string): string[] => text.match(/^\[.*\]$/gm) ?? [];
    expect(texts.some((text) => new Set(headers(text)).size >= 2)).toBe(true);
    expect(texts.some((text) => new Set(headers(text)).size < headers(text).length)).toBe(true);
    expect(texts.some((text) => !text.startsWith('['))).toBe(true);
    // One section, with a one-character name and nothing under it.
    expect(simplest(iniArbitrary())).toMatch(/^\[\w\]$/);
  });

  it('templates hold placeholders of one syntax, some spaced, unclosed or empty', () => {
    const texts = sample(templateArbitrary(), 600);
    for (const [open, close] of PLACEHOLDER_SYNTAXES) {
      const named = new RegExp(`${escape(open)} ?name ?${escape(close)}`);
      expect(texts.some((text) => named.test(text))).toBe(true);
    }
    expect(texts.some((text) => text.includes('{{ '))).toBe(true);
    expect(texts.some((text) => text.includes('{{}}'))).toBe(true);
    expect(simplest(templateArbitrary())).toBe('{{name}}');
  });
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('CSV', () => {
  it('reads back as its records, each with the header field count', () => {
    const documents = sample(csvArbitrary(), 500);
    for (const document of documents) {
      const records = readCsv(document.text, document.delimiter);
      expect(records).toEqual(document.records);
      const width = document.records[0]!.length;
      for (const record of records) expect(record).toHaveLength(width);
    }
    const texts = documents.map((document) => document.text);
    expect(texts.some((text) => /"[^"]*""/.test(text))).toBe(true); // a doubled quote
    expect(documents.some((d) => d.records.some((r) => r.includes('')))).toBe(true); // empty
    expect(documents.some((d) => d.records.some((r) => r.some((f) => f.includes('\n'))))).toBe(
      true,
    );
  });

  it('shrinks to one empty field', () => {
    expect(simplest(csvArbitrary()).text).toBe('""');
  });
});

describe('JSON', () => {
  it('parses to the value it was built from: objects, arrays, escapes, nesting', () => {
    const documents = sample(jsonArbitrary(), 500);
    for (const document of documents) expect(JSON.parse(document.text)).toEqual(document.value);
    const texts = documents.map((document) => document.text);
    expect(texts.filter((text) => text.startsWith('{')).length).toBeGreaterThan(100);
    expect(texts.filter((text) => text.startsWith('[')).length).toBeGreaterThan(100);
    expect(texts.some((text) => /\\u[0-9a-f]{4}/.test(text))).toBe(true);
    expect(texts.some((text) => /\\["\\/bfnrt]/.test(text))).toBe(true);
    expect(
      Math.max(...documents.map((document) => depthOf(document.value))),
    ).toBeGreaterThanOrEqual(3);
  });

  it('are sometimes a string alone, with \\u escapes of every kind of surrogate', () => {
    const documents = sample(jsonArbitrary(), 500);
    const strings = documents.filter((document) => typeof document.value === 'string');
    expect(strings.length).toBeGreaterThan(50);
    for (const { text } of strings) expect(text).toMatch(/^"([^"\\]|\\.)*"\n?$/);
    const texts = documents.map((document) => document.text.toLowerCase());
    const escapes = {
      'a pair': '\\ud83d\\ude00',
      'a high half before a non-low': '\\ud800\\u0041',
      'a high half before one past the lows': '\\udbff\\uffff',
      'a reversed pair': '\\udc00\\ud800',
    };
    for (const [what, escape] of Object.entries(escapes)) {
      expect(
        texts.some((text) => text.includes(escape)),
        what,
      ).toBe(true);
    }
    // Halves alone: a high one not before a low escape, a low one not after a high escape.
    expect(texts.some((text) => /\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])/.test(text))).toBe(true);
    expect(texts.some((text) => /(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/.test(text))).toBe(
      true,
    );
    // Upper-case hex digits too.
    expect(documents.some(({ text }) => /\\u(?![0-9]{4})[0-9A-F]{4}/.test(text))).toBe(true);
    // A lone surrogate is never written raw: it has no UTF-8 form.
    for (const { text } of documents) expect(decoder.decode(encoder.encode(text))).toBe(text);
  });

  it('shrinks to {}, and a nested failure to a two-level document', () => {
    expect(simplest(jsonArbitrary()).text).toBe('{}');
    const nested = simplest(jsonArbitrary(), (document) => depthOf(document.value) >= 2);
    expect(depthOf(nested.value)).toBe(2);
    expect(nested.text.length).toBeLessThanOrEqual(8);
  });
});

describe('UTF-8 of every width', () => {
  it.each([1, 2, 3, 4] as const)('characters of width %i decode, and have that width', (width) => {
    for (const char of sample(utf8CharArbitrary(width))) {
      const bytes = encoder.encode(char);
      expect(decoder.decode(bytes)).toBe(char);
      const widths = [...char].map((point) => encoder.encode(point).length);
      expect(widths).toContain(width);
    }
  });

  it('texts mix every width and combining marks, and decode', () => {
    const texts = sample(utf8WidthsArbitrary());
    const widths = new Set<number>();
    for (const text of texts) {
      expect(decoder.decode(encoder.encode(text))).toBe(text);
      for (const point of text) widths.add(encoder.encode(point).length);
    }
    expect([...widths].sort()).toEqual([1, 2, 3, 4]);
    expect(texts.some((text) => /\p{M}/u.test(text))).toBe(true);
    expect(simplest(utf8WidthsArbitrary())).toBe(' ');
  });
});

describe('binary shapes', () => {
  it('long runs repeat one byte or one character, within the budget', () => {
    for (const run of sample(longRunArbitrary(10_000))) {
      expect(run.length).toBeGreaterThan(0);
      expect(run.length).toBeLessThanOrEqual(10_000);
      if (run.every((byte) => byte === run[0])) continue; // one byte, repeated
      const text = decoder.decode(run);
      const pattern = text.startsWith('a\u0301') ? 'a\u0301' : [...text][0]!;
      expect(text).toBe(pattern.repeat(text.length / pattern.length));
    }
    expect(simplest(longRunArbitrary(1 << 20))).toEqual(encoder.encode('a'));
  });

  it('length-prefixed frames carry the length they claim, sometimes wrongly', () => {
    const lies = new Set<string>();
    const kinds = new Set<string>();
    for (const { width, bigEndian, frames, bytes } of sample(
      lengthPrefixedArbitrary(1 << 20),
      500,
    )) {
      let at = 0;
      for (const { tag, claimed, payload } of frames) {
        if (tag !== undefined) expect(bytes[at++]).toBe(tag);
        let value = 0;
        for (let i = 0; i < width; i++) {
          value += bytes[at + (bigEndian ? width - 1 - i : i)]! * 2 ** (8 * i);
        }
        expect(value).toBe(claimed);
        expect(bytes.subarray(at + width, at + width + payload.length)).toEqual(payload);
        at += width + payload.length;
        lies.add(
          claimed === payload.length ? 'exact' : claimed < payload.length ? 'short' : 'long',
        );
        kinds.add(`${width} ${bigEndian ? 'BE' : 'LE'}${tag === undefined ? '' : ' tagged'}`);
      }
      expect(at).toBe(bytes.length);
    }
    expect([...lies].sort()).toEqual(['exact', 'long', 'short']);
    expect(kinds.size).toBe(12);
    expect(simplest(lengthPrefixedArbitrary(1 << 20)).bytes).toEqual(Uint8Array.of(0));
  });

  it('deep nesting goes past 10 000 levels, and shrinks to []', () => {
    const texts = sample(deepNestingArbitrary(1 << 20), 200).map((bytes) => decoder.decode(bytes));
    for (const text of texts) expect(text).toMatch(/^(\[+\]*|(\{"a":)+0\}*)$/);
    expect(texts.some((text) => text.length > 20_000)).toBe(true);
    const closed = texts.filter((text) => text.endsWith(']') || text.endsWith('}'));
    for (const text of closed.slice(0, 20)) expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(decoder.decode(simplest(deepNestingArbitrary(1 << 20)))).toBe('[]');
  });
});

describe('the formats group', () => {
  it.each([1, 7, 64, 4096])('fits a budget of %i bytes', (max) => {
    for (const bytes of sample(formatInputArbitrary(max), 400)) {
      expect(bytes.length).toBeLessThanOrEqual(max);
    }
  });
});
