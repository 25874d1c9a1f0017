/**
 * Inputs in the formats plugins commonly accept, so that a plugin whose front door admits only
 * one format (digits, lines, CSV, JSON, key=value, base64, a length header) still gets inputs
 * past it. Every shape shrinks towards its simplest instance ("0", "a", "{}", one line, an
 * empty frame) and fits the byte budget it is given.
 */
import fc from 'fast-check';
import { concatBytes, encoder, fitBytes, fitText } from './bytes.js';
import { encodedTextArbitrary } from './encoded-text.js';

const chars = (text: string): fc.Arbitrary<string> => fc.constantFrom(...text);
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
// The units strings are made of, built once: fast-check works out the slices of its dangerous
// strings each unit can make once per unit object, and that was a few percent of a small run.
const DIGIT = chars(DIGITS);
const NONZERO_DIGIT = chars('123456789');
const WORD_CHAR = fc.oneof(
  { weight: 6, arbitrary: chars(LOWER) },
  { weight: 1, arbitrary: chars(LOWER.toUpperCase()) },
  { weight: 1, arbitrary: DIGIT },
);

/** A run of ASCII digits, from "0" to 40 digits (past u64). */
export function digitsArbitrary(): fc.Arbitrary<string> {
  return fc.string({ unit: DIGIT, minLength: 1, maxLength: 40 });
}

/** A JSON-style number: optional sign, integer part, fraction, exponent ("0", "-12.5e+3"). */
export function numberArbitrary(options: { plusSign?: boolean } = {}): fc.Arbitrary<string> {
  const integerPart = fc.oneof(
    { withCrossShrink: true },
    fc.constant('0'),
    fc
      .tuple(NONZERO_DIGIT, fc.string({ unit: DIGIT, maxLength: 19 }))
      .map(([first, rest]) => first + rest),
  );
  const fraction = fc.string({ unit: DIGIT, minLength: 1, maxLength: 8 });
  const exponent = fc
    .tuple(chars('eE'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 400 }))
    .map(([e, sign, value]) => `${e}${sign}${value}`);
  return fc
    .tuple(
      fc.constantFrom('', '-', ...(options.plusSign ? ['+'] : [])),
      integerPart,
      fc.option(fraction, { freq: 2 }),
      fc.option(exponent, { freq: 4 }),
    )
    .map(
      ([sign, whole, frac, exp]) => `${sign}${whole}${frac === null ? '' : `.${frac}`}${exp ?? ''}`,
    );
}

/** Several numbers with one separator between them ("1 -2 3.5", "4,5,6", one per line). */
export function numberListArbitrary({ newlines = true } = {}): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(' ', ',', ', ', ';', '\t', ...(newlines ? ['\n'] : [])),
      fc.array(fc.oneof(digitsArbitrary(), numberArbitrary({ plusSign: true })), {
        minLength: 1,
        maxLength: 24,
      }),
    )
    .map(([separator, numbers]) => numbers.join(separator));
}

/** An ASCII word: lowercase mostly, some capitals and digits. */
export function asciiWordArbitrary(maxLength = 12): fc.Arbitrary<string> {
  return fc.string({ unit: WORD_CHAR, minLength: 1, maxLength });
}

/** ASCII words separated by single spaces. */
export function wordsArbitrary(): fc.Arbitrary<string> {
  return fc
    .array(asciiWordArbitrary(), { minLength: 1, maxLength: 24 })
    .map((words) => words.join(' '));
}

/** Lines of words or numbers (some empty), LF or CRLF, with or without a final newline. */
export function linesArbitrary(): fc.Arbitrary<string> {
  const line = fc.oneof(
    { withCrossShrink: true },
    { weight: 4, arbitrary: wordsArbitrary() },
    { weight: 2, arbitrary: numberListArbitrary({ newlines: false }) },
    { weight: 1, arbitrary: fc.constant('') },
  );
  return fc
    .tuple(
      fc.array(line, { minLength: 1, maxLength: 16 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    )
    .map(([lines, newline, trailing]) => lines.join(newline) + (trailing ? newline : ''));
}

export interface CsvDocument {
  text: string;
  delimiter: string;
  /** The fields of every record, header first, as a CSV reader gives them back. */
  records: string[][];
}

/** A CSV field's content: empty, a word, a number, or text that needs quoting. */
function csvFieldArbitrary(): fc.Arbitrary<{ value: string; quote: boolean }> {
  const value = fc.oneof(
    { withCrossShrink: true },
    { weight: 2, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: asciiWordArbitrary(10) },
    { weight: 3, arbitrary: numberArbitrary() },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(asciiWordArbitrary(6), fc.constantFrom(',', '"', ' ', '\n', ';', 'é')), {
          minLength: 1,
          maxLength: 5,
        })
        .map((parts) => parts.join('')),
    },
  );
  return fc.record({ value, quote: fc.boolean() });
}

/**
 * CSV with a header and records of the same field count: quoted fields (quotes doubled,
 * delimiters and newlines inside), empty fields, LF or CRLF, with or without a final newline.
 */
export function csvArbitrary(): fc.Arbitrary<CsvDocument> {
  return fc
    .record({
      header: fc.array(csvFieldArbitrary(), { minLength: 1, maxLength: 8 }),
      rows: fc.array(fc.array(csvFieldArbitrary(), { maxLength: 8 }), { maxLength: 20 }),
      delimiter: fc.constantFrom(',', ';', '\t'),
      newline: fc.constantFrom('\n', '\r\n'),
      trailing: fc.boolean(),
    })
    .map(({ header, rows, delimiter, newline, trailing }) => {
      const width = header.length;
      // Every record gets the header's field count: short rows are padded with empty fields.
      const records = [header, ...rows].map((row) =>
        Array.from({ length: width }, (_, index) => row[index] ?? { value: '', quote: false }),
      );
      const encodeField = ({ value, quote }: { value: string; quote: boolean }): string => {
        const needsQuotes =
          /["\r\n]/.test(value) || value.includes(delimiter) || (value === '' && width === 1);
        return quote || needsQuotes ? `"${value.replace(/"/g, '""')}"` : value;
      };
      const lines = records.map((record) => record.map(encodeField).join(delimiter));
      return {
        text: lines.join(newline) + (trailing ? newline : ''),
        delimiter,
        records: records.map((record) => record.map((field) => field.value)),
      };
    });
}

/**
 * Plain records, the way a naive reader splits them: 1 to 10 lines of the same 1 to 6 columns,
 * one delimiter (mostly a comma), each column short words, integers or decimals ("12.50"),
 * never quoted or empty; LF or CRLF, with or without a final newline. Rich CSV (quotes, empty
 * fields, a header) almost never has exactly the field count and widths such a reader takes.
 */
export function plainRecordsArbitrary(): fc.Arbitrary<string> {
  // Each column keeps one type down the lines, as a table's columns do.
  const columnTypes: Array<fc.Arbitrary<string>> = [
    asciiWordArbitrary(12),
    fc.nat({ max: 99999 }).map(String),
    fc
      .tuple(fc.nat({ max: 9999 }), fc.nat({ max: 99 }))
      .map(([whole, cents]) => `${whole}.${String(cents).padStart(2, '0')}`),
  ];
  return fc
    .record({
      columns: fc.array(fc.nat({ max: columnTypes.length - 1 }), { minLength: 1, maxLength: 6 }),
      lines: fc.integer({ min: 1, max: 10 }),
      delimiter: fc.constantFrom(',', ',', ',', ';', '\t', '|', ' '),
      newline: fc.constantFrom('\n', '\n', '\r\n'),
      trailing: fc.boolean(),
    })
    .chain(({ columns, lines, delimiter, newline, trailing }) =>
      fc
        .array(fc.tuple(...columns.map((type) => columnTypes[type]!)), {
          minLength: lines,
          maxLength: lines,
        })
        .map(
          (records) =>
            records.map((record) => record.join(delimiter)).join(newline) +
            (trailing ? newline : ''),
        ),
    );
}

/** A JSON value as generated: numbers keep the text they are written with. */
export type JsonTree =
  | null
  | boolean
  | { number: string }
  | { string: Array<[string, number]> }
  | JsonTree[]
  | { entries: Array<[Array<[string, number]>, JsonTree]> };

export interface JsonDocument {
  text: string;
  /** What JSON.parse gives for `text`. */
  value: unknown;
}

/** Characters JSON strings are made of, including ones that must or may be escaped. */
const JSON_STRING_CHARS = [
  ...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-.',
  '"',
  '\\',
  '/',
  '\n',
  '\t',
  '\r',
  '\b',
  '\f',
  '\u0001',
  '\u001f',
  'é',
  'ß',
  '中',
  '\u2028',
  '😀',
];
/**
 * UTF-16 units only ever written as \uXXXX escapes, where a hand-written unescaper goes wrong:
 * surrogate pairs (the first and last astral character too), then broken ones a decoder must
 * reject or replace, not panic on: a lone high or low half (alone, or last in the string), a
 * high half before a non-low (`\ud800\u0041`, `\udbff\uffff`, another high), a reversed pair;
 * then the BMP's edges: NUL, the ends of each UTF-8 width, either side of the surrogates.
 */
const JSON_ESCAPE_EDGES = [
  '\ud83d\ude00',
  '\ud800\udc00',
  '\udbff\udfff',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud800A',
  '\udbff\uffff',
  '\ud800\ud800',
  '\udbff\ud7ff',
  '\udc00\ud800',
  '\u0000',
  '\u007f',
  '\u0080',
  '\u07ff',
  '\u0800',
  '\ud7ff',
  '\ue000',
  '\ufeff',
  '\uffff',
];
/** A surrogate without its other half: it has no UTF-8 form, so it is always escaped. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Key characters: no underscore, so no key is ever `__proto__`. */
const JSON_KEY_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789-', '"', '\\', ' ', 'é', '中'];

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/**
 * The characters of a JSON string, each with how it is written: 0 as is (when allowed), 1 a
 * short escape, 2 \uxxxx, 3 \uXXXX. With `edges`, some are JSON_ESCAPE_EDGES, always escaped.
 */
function jsonStringArbitrary(
  alphabet: readonly string[],
  maxLength: number,
  { edges = false } = {},
): fc.Arbitrary<Array<[string, number]>> {
  const plain = fc.tuple(fc.constantFrom(...alphabet), fc.nat(3));
  const unit = edges
    ? fc.oneof(
        { withCrossShrink: true },
        { weight: 4, arbitrary: plain },
        {
          weight: 1,
          arbitrary: fc.tuple(fc.constantFrom(...JSON_ESCAPE_EDGES), fc.constantFrom(2, 3)),
        },
      )
    : plain;
  return fc.array(unit, { maxLength });
}

function writeJsonString(parts: ReadonlyArray<[string, number]>): string {
  let out = '"';
  for (const [char, style] of parts) {
    const code = char.codePointAt(0)!;
    const mustEscape = char === '"' || char === '\\' || code < 0x20 || LONE_SURROGATE.test(char);
    const short = SHORT_ESCAPES[char];
    if (style >= 2 || (mustEscape && !short)) {
      // Every UTF-16 unit is escaped: astral characters become a pair of escaped halves.
      for (let i = 0; i < char.length; i++) {
        const hex = char.charCodeAt(i).toString(16).padStart(4, '0');
        out += `\\u${style === 3 ? hex.toUpperCase() : hex}`;
      }
    } else if (short && (style === 1 || mustEscape)) out += short;
    else out += char;
  }
  return `${out}"`;
}

const jsonStringValue = (parts: ReadonlyArray<[string, number]>): string =>
  parts.map(([char]) => char).join('');

function jsonValueOf(tree: JsonTree): unknown {
  if (tree === null || typeof tree === 'boolean') return tree;
  if (Array.isArray(tree)) return tree.map(jsonValueOf);
  if ('number' in tree) return Number(tree.number);
  if ('string' in tree) return jsonStringValue(tree.string);
  const object: Record<string, unknown> = {};
  for (const [key, value] of tree.entries) object[jsonStringValue(key)] = jsonValueOf(value);
  return object;
}

/** 0 compact, 1 a space after `:` and `,`, 2 one member per line, indented. */
function writeJson(tree: JsonTree, style: number, depth = 0): string {
  if (tree === null || typeof tree === 'boolean') return String(tree);
  if (Array.isArray(tree) || 'entries' in tree) {
    const [open, close] = Array.isArray(tree) ? ['[', ']'] : ['{', '}'];
    const items = Array.isArray(tree)
      ? tree.map((item) => writeJson(item, style, depth + 1))
      : tree.entries.map(
          ([key, value]) =>
            `${writeJsonString(key)}${style === 0 ? ':' : ': '}${writeJson(value, style, depth + 1)}`,
        );
    if (items.length === 0) return open + close;
    if (style < 2) return open + items.join(style === 0 ? ',' : ', ') + close;
    const indent = '  '.repeat(depth + 1);
    return `${open}\n${indent}${items.join(`,\n${indent}`)}\n${'  '.repeat(depth)}${close}`;
  }
  if ('number' in tree) return tree.number;
  return writeJsonString(tree.string);
}

/** JSON trees up to `maxDepth` containers deep; objects and arrays first, so they shrink to `{}`. */
export function jsonTreeArbitrary(maxDepth = 4): fc.Arbitrary<JsonTree> {
  const scalar: fc.Arbitrary<JsonTree> = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    numberArbitrary().map((number) => ({ number })),
    jsonStringArbitrary(JSON_STRING_CHARS, 16, { edges: true }).map((string) => ({ string })),
  );
  const { tree } = fc.letrec<{ tree: JsonTree; object: JsonTree; array: JsonTree }>((tie) => ({
    tree: fc.oneof(
      { maxDepth, depthSize: 'small', withCrossShrink: true },
      scalar,
      tie('object'),
      tie('array'),
    ),
    object: fc
      .array(fc.tuple(jsonStringArbitrary(JSON_KEY_CHARS, 10), tie('tree')), { maxLength: 6 })
      .map((entries) => ({ entries })),
    array: fc.array(tie('tree'), { maxLength: 6 }),
  }));
  return tree;
}

/**
 * A JSON document: mostly an object or an array at the top, nested a few levels deep; else a
 * string (what a string unescaper accepts alone) or another scalar.
 */
export function jsonArbitrary(): fc.Arbitrary<JsonDocument> {
  const top: fc.Arbitrary<JsonTree> = fc.oneof(
    { withCrossShrink: true },
    {
      weight: 4,
      arbitrary: fc
        .array(fc.tuple(jsonStringArbitrary(JSON_KEY_CHARS, 10), jsonTreeArbitrary(3)), {
          maxLength: 8,
        })
        .map((entries) => ({ entries })),
    },
    { weight: 3, arbitrary: fc.array(jsonTreeArbitrary(3), { maxLength: 8 }) },
    {
      weight: 3,
      arbitrary: jsonStringArbitrary(JSON_STRING_CHARS, 24, { edges: true }).map((string) => ({
        string,
      })),
    },
    { weight: 1, arbitrary: jsonTreeArbitrary(0) },
  );
  return fc.tuple(top, fc.nat(2), fc.boolean()).map(([tree, style, newline]) => ({
    text: writeJson(tree, style) + (newline ? '\n' : ''),
    value: jsonValueOf(tree),
  }));
}

/** `key=value` lines (also `key = value`, `key: value`), with comments and blank lines. */
export function keyValueArbitrary(): fc.Arbitrary<string> {
  const key = fc
    .tuple(asciiWordArbitrary(10), fc.option(fc.tuple(chars('._-'), asciiWordArbitrary(6))))
    .map(([head, tail]) => (tail ? head + tail[0] + tail[1] : head));
  const value = fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: asciiWordArbitrary() },
    { weight: 3, arbitrary: numberArbitrary() },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'yes', 'no', 'on', 'off') },
    { weight: 1, arbitrary: wordsArbitrary().map((words) => `"${words}"`) },
  );
  const line = fc.oneof(
    { withCrossShrink: true },
    { weight: 8, arbitrary: fc.tuple(key, value).map(([k, v]) => ({ key: k, value: v })) },
    { weight: 1, arbitrary: wordsArbitrary().map((words) => ({ comment: `# ${words}` })) },
    { weight: 1, arbitrary: fc.constant({ comment: '' }) },
  );
  return fc
    .record({
      lines: fc.array(line, { minLength: 1, maxLength: 16 }),
      separator: fc.constantFrom('=', ' = ', ': ', ':'),
      newline: fc.constantFrom('\n', '\r\n'),
      trailing: fc.boolean(),
    })
    .map(
      ({ lines, separator, newline, trailing }) =>
        lines
          .map((entry) =>
            'comment' in entry ? entry.comment : entry.key + separator + entry.value,
          )
          .join(newline) + (trailing ? newline : ''),
    );
}

/**
 * INI: `[section]` headers over `key=value` lines, with a preamble before the first header, a
 * section name that comes back later (a merge, a map keyed by name), empty and spaced names,
 * `;` and `#` comments. Shrinks to one empty section.
 */
export function iniArbitrary(): fc.Arbitrary<string> {
  const name = fc.oneof(
    { withCrossShrink: true },
    { weight: 6, arbitrary: asciiWordArbitrary(8) },
    { weight: 1, arbitrary: fc.constantFrom('', ' a ', 'a.b', 'a b', 'A') },
  );
  const body = fc.oneof(
    { weight: 4, arbitrary: keyValueArbitrary() },
    { weight: 1, arbitrary: fc.constantFrom('', '; comment', '# comment') },
  );
  return fc
    .record({
      names: fc.array(name, { minLength: 1, maxLength: 4 }),
      // Indexes into the names: fewer names than sections, so some come back.
      sections: fc.array(fc.tuple(fc.nat(3), body), { minLength: 1, maxLength: 6 }),
      preamble: fc.option(keyValueArbitrary(), { freq: 3 }),
      newline: fc.constantFrom('\n', '\r\n'),
      trailing: fc.boolean(),
    })
    .map(({ names, sections, preamble, newline, trailing }) => {
      const blocks = sections.map(([index, text]) => {
        const header = `[${names[index % names.length]!}]`;
        return text === '' ? header : `${header}${newline}${text.replace(/\r?\n/g, newline)}`;
      });
      const text = [...(preamble === null ? [] : [preamble]), ...blocks].join(newline);
      return text + (trailing ? newline : '');
    });
}

/** Placeholder syntaxes of common template languages: `{{name}}`, `${name}`, `%name%`... */
export const PLACEHOLDER_SYNTAXES: ReadonlyArray<readonly [string, string]> = [
  ['{{', '}}'],
  ['${', '}'],
  ['{', '}'],
  ['%', '%'],
  ['<%=', '%>'],
  ['{%', '%}'],
  ['$(', ')'],
  ['[[', ']]'],
];

/** Names templates commonly fill in. */
const PLACEHOLDER_NAMES = ['name', 'user', 'id', 'title', 'date', 'host', 'value', 'key', '0', '1'];

/**
 * Template text: words with placeholders in one syntax (`Hello {{name}}!`), some with spaces
 * inside (`{{ name }}`), some unclosed or empty (`{{`, `{{}}`). Shrinks to one placeholder.
 */
export function templateArbitrary(): fc.Arbitrary<string> {
  const name = fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.constantFrom(...PLACEHOLDER_NAMES) },
    { weight: 2, arbitrary: asciiWordArbitrary(8) },
  );
  const placeholder = fc.record({
    name,
    spaced: fc.boolean(),
    broken: fc.constantFrom('none', 'none', 'none', 'none', 'unclosed', 'empty'),
  });
  const part = fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: placeholder },
    { weight: 1, arbitrary: asciiWordArbitrary(8) },
  );
  return fc
    .tuple(
      fc.constantFrom(...PLACEHOLDER_SYNTAXES),
      fc.array(part, { minLength: 1, maxLength: 12 }),
      fc.constantFrom(' ', '', ', ', '\n'),
    )
    .map(([[open, close], parts, between]) =>
      parts
        .map((entry) => {
          if (typeof entry === 'string') return entry;
          if (entry.broken === 'unclosed') return open + entry.name;
          const inner = entry.broken === 'empty' ? '' : entry.name;
          return entry.spaced ? `${open} ${inner} ${close}` : open + inner + close;
        })
        .join(between),
    );
}

/** Combining marks (U+0300..U+036F, U+1AB0.., U+20D0..): 2 or 3 bytes in UTF-8. */
const COMBINING = [0x0301, 0x0308, 0x0327, 0x0336, 0x036f, 0x1ab0, 0x20d7, 0x20e3, 0xfe20];

/** One character of the given UTF-8 width; 2 and 3 also give combining marks after a base letter. */
export function utf8CharArbitrary(width: 1 | 2 | 3 | 4): fc.Arbitrary<string> {
  const code = (min: number, max: number): fc.Arbitrary<string> =>
    fc.integer({ min, max }).map((point) => String.fromCodePoint(point));
  switch (width) {
    case 1:
      return fc.oneof({ weight: 9, arbitrary: code(0x20, 0x7e) }, chars('\t\n'));
    case 2:
      return fc.oneof(
        { weight: 6, arbitrary: code(0x80, 0x7ff) },
        {
          weight: 2,
          arbitrary: fc
            .tuple(chars('aeiouAEn'), fc.array(code(0x300, 0x36f), { minLength: 1, maxLength: 3 }))
            .map(([base, marks]) => base + marks.join('')),
        },
      );
    case 3:
      return fc.oneof(
        // No surrogates: U+D800..U+DFFF have no UTF-8 form.
        { weight: 6, arbitrary: fc.oneof(code(0x800, 0xd7ff), code(0xe000, 0xffff)) },
        {
          weight: 2,
          arbitrary: fc.constantFrom(
            '中',
            '€',
            '\ufeff',
            '\ufffd',
            '\u200b',
            '\u2028',
            '\u3000',
            // Combining marks that take three bytes themselves.
            ...COMBINING.filter((mark) => mark >= 0x800).map(
              (mark) => `x${String.fromCodePoint(mark)}`,
            ),
          ),
        },
      );
    case 4:
      return fc.oneof(
        { weight: 6, arbitrary: code(0x10000, 0x10ffff) },
        { weight: 2, arbitrary: fc.constantFrom('😀', '🚀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '𝄞', '𠜎') },
      );
  }
}

/** UTF-8 text mixing characters of every width (1 to 4 bytes), combining marks included. */
export function utf8WidthsArbitrary(): fc.Arbitrary<string> {
  const char = fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: utf8CharArbitrary(1) },
    { weight: 2, arbitrary: utf8CharArbitrary(2) },
    { weight: 2, arbitrary: utf8CharArbitrary(3) },
    { weight: 2, arbitrary: utf8CharArbitrary(4) },
  );
  return fc.array(char, { minLength: 1, maxLength: 64 }).map((parts) => parts.join(''));
}

/** Bytes and characters a long run is made of: plain, NUL, 0xFF, spaces, multi-byte. */
const RUN_BYTES = [0x61, 0x00, 0xff, 0x20, 0x0a, 0x30, 0x7f, 0x80, 0x2c, 0x22];
const RUN_CHARS = ['é', '中', '😀', 'a\u0301', '\u3000'];

/** A long run of one byte or one character: mostly up to 4 KiB, sometimes up to the maximum. */
export function longRunArbitrary(maxBytes: number): fc.Arbitrary<Uint8Array> {
  const size = fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: Math.max(1, Math.min(maxBytes, 4096)) }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.max(1, maxBytes) }) },
  );
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...RUN_BYTES).map((byte) => Uint8Array.of(byte)) },
    { weight: 2, arbitrary: fc.constantFrom(...RUN_CHARS).map((char) => encoder.encode(char)) },
  );
  return fc.tuple(unit, size).map(([pattern, bytes]) => {
    const count = Math.max(1, Math.floor(Math.min(bytes, maxBytes) / pattern.length));
    const out = new Uint8Array(Math.min(count * pattern.length, maxBytes));
    if (pattern.length === 1) return out.fill(pattern[0]!);
    for (let at = 0; at + pattern.length <= out.length; at += pattern.length) out.set(pattern, at);
    return out;
  });
}

export type LengthLie = 'exact' | 'short' | 'long' | 'max';

export interface LengthFrame {
  /** The record type byte before the length, when the stream has one (TLV). */
  tag?: number;
  /** What the header claims, as written. */
  claimed: number;
  payload: Uint8Array;
}

export interface FramedBytes {
  width: 1 | 2 | 4;
  bigEndian: boolean;
  frames: LengthFrame[];
  bytes: Uint8Array;
}

/**
 * Binary frames, each a u8, u16 or u32 length (little-endian; sometimes big-endian, sometimes
 * after a type byte, as in TLV) and then that many bytes; the length is sometimes wrong
 * (short, long, all ones). Shrinks to one u8 frame, exact, empty.
 */
export function lengthPrefixedArbitrary(
  maxBytes: number,
  { maxFrames = 3, tags = true }: { maxFrames?: number; tags?: boolean } = {},
): fc.Arbitrary<FramedBytes> {
  const lie = fc.oneof(
    { withCrossShrink: true },
    { weight: 5, arbitrary: fc.constant<LengthLie>('exact') },
    { weight: 1, arbitrary: fc.constant<LengthLie>('short') },
    { weight: 1, arbitrary: fc.constant<LengthLie>('long') },
    { weight: 1, arbitrary: fc.constant<LengthLie>('max') },
  );
  const frame = fc.record({
    tag: fc.nat(3),
    payload: fc.uint8Array({ maxLength: Math.min(512, maxBytes) }),
    lie,
    delta: fc.nat(1000),
  });
  return fc
    .record({
      width: fc.constantFrom<1 | 2 | 4>(1, 2, 4),
      bigEndian: fc.boolean(),
      tagged: tags ? fc.boolean() : fc.constant(false),
      drafts: fc.array(frame, { minLength: 1, maxLength: maxFrames }),
    })
    .map(({ width, bigEndian, tagged, drafts }) => {
      const limit = width === 4 ? 0xffffffff : width === 2 ? 0xffff : 0xff;
      const frames = drafts.map(({ tag, payload: raw, lie: how, delta }): LengthFrame => {
        const payload = raw.length > limit ? raw.slice(0, limit) : raw;
        const length = payload.length;
        const claimed =
          how === 'exact'
            ? length
            : how === 'short'
              ? Math.max(0, length - 1 - (delta % Math.max(1, length)))
              : how === 'long'
                ? Math.min(limit, length + 1 + delta)
                : limit;
        return tagged ? { tag, claimed, payload } : { claimed, payload };
      });
      const parts = frames.flatMap(({ tag, claimed, payload }) => {
        const header = new Uint8Array(width);
        for (let i = 0; i < width; i++) {
          header[bigEndian ? width - 1 - i : i] = (claimed >>> (8 * i)) & 0xff;
        }
        return [...(tag === undefined ? [] : [Uint8Array.of(tag)]), header, payload];
      });
      return { width, bigEndian, frames, bytes: fitBytes(concatBytes(parts), maxBytes) };
    });
}

/**
 * Nesting far deeper than any document needs (`[[[...]]]`, `{"a":{"a":...}}`, sometimes never
 * closed), which a recursive-descent parser without a depth limit overflows its stack on.
 * Depths reach 100 000 (within the budget); shrinks to `[]`.
 */
export function deepNestingArbitrary(maxBytes: number): fc.Arbitrary<Uint8Array> {
  const maxDepth = Math.max(1, Math.min(100_000, Math.floor(maxBytes / 6)));
  return fc
    .record({
      // Uniform, not biased towards small depths: only deep ones overflow a stack.
      depth: fc.noBias(fc.integer({ min: 1, max: maxDepth })),
      object: fc.boolean(),
      unclosed: fc.boolean(),
    })
    .map(({ depth, object, unclosed }) => {
      const [open, close] = object ? ['{"a":', '}'] : ['[', ']'];
      const middle = object ? '0' : '';
      return fitText(open.repeat(depth) + middle + (unclosed ? '' : close.repeat(depth)), maxBytes);
    });
}

/** How the format shapes share the weight of the formats group (see inputBytesArbitrary). */
export const FORMAT_WEIGHTS = {
  digits: 2,
  numbers: 2,
  words: 1,
  lines: 2,
  csv: 2,
  records: 3,
  json: 3,
  keyValue: 2,
  ini: 2,
  template: 2,
  utf8Widths: 2,
  longRun: 1,
  lengthPrefixed: 2,
  deepNesting: 2,
  encoded: 3,
} as const;

/** Every format shape as bytes, each within `maxBytes`. */
export function formatInputArbitrary(maxBytes: number): fc.Arbitrary<Uint8Array> {
  const text = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> =>
    arbitrary.map((value) => fitText(value, maxBytes));
  const w = FORMAT_WEIGHTS;
  return fc.oneof(
    { weight: w.digits, arbitrary: text(digitsArbitrary()) },
    { weight: w.numbers, arbitrary: text(fc.oneof(numberArbitrary(), numberListArbitrary())) },
    { weight: w.words, arbitrary: text(wordsArbitrary()) },
    { weight: w.lines, arbitrary: text(linesArbitrary()) },
    { weight: w.csv, arbitrary: text(csvArbitrary().map((doc) => doc.text)) },
    { weight: w.records, arbitrary: text(plainRecordsArbitrary()) },
    { weight: w.json, arbitrary: text(jsonArbitrary().map((doc) => doc.text)) },
    { weight: w.keyValue, arbitrary: text(keyValueArbitrary()) },
    { weight: w.ini, arbitrary: text(iniArbitrary()) },
    { weight: w.template, arbitrary: text(templateArbitrary()) },
    { weight: w.utf8Widths, arbitrary: text(utf8WidthsArbitrary()) },
    { weight: w.longRun, arbitrary: longRunArbitrary(maxBytes) },
    {
      weight: w.lengthPrefixed,
      arbitrary: lengthPrefixedArbitrary(maxBytes).map((framed) => framed.bytes),
    },
    { weight: w.deepNesting, arbitrary: deepNestingArbitrary(maxBytes) },
    { weight: w.encoded, arbitrary: text(encodedTextArbitrary().map((encoded) => encoded.text)) },
  );
}
