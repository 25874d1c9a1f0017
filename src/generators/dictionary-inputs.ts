/**
 * Inputs spliced from a dictionary of tokens (src/wasm/dictionary.ts harvests one from the
 * module: strings in its data, constants its code compares with), the way coverage fuzzers use
 * AFL and libFuzzer dictionaries: a token alone, as a prefix, inserted or written over another
 * input, several joined, token + separator + token, a name between a template's delimiters.
 * Token choices shrink towards the first token of the dictionary, positions towards the start,
 * the rest towards nothing.
 */
import fc from 'fast-check';
import { EMPTY, concatBytes, encoder, fitBytes } from './bytes.js';
import {
  PLACEHOLDER_SYNTAXES,
  formatInputArbitrary,
  lengthPrefixedArbitrary,
  wordsArbitrary,
} from './formats.js';

/** Separators between tokens, besides the single-byte tokens of the dictionary itself. */
const SEPARATORS = [' ', '=', ',', ':', ';', '\n', '\t', '&', '|', '/', '\r\n', ': ', ', '].map(
  (text) => encoder.encode(text),
);

/** Longer tokens first (in dictionary order), then single bytes: shrinking goes to a string. */
export function orderTokens(tokens: readonly Uint8Array[]): Uint8Array[] {
  const nonEmpty = tokens.filter((token) => token.length > 0);
  const singles = nonEmpty.filter((token) => token.length === 1);
  const seen = new Set<string>();
  const unique = (list: readonly Uint8Array[]): Uint8Array[] =>
    list.filter((token) => {
      const key = String.fromCharCode(...token);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return [
    ...unique(nonEmpty.filter((token) => token.length > 1)),
    ...unique(joinedRuns(singles)),
    ...unique(singles),
  ];
}

const isAlphanumeric = (byte: number): boolean =>
  (byte >= 0x30 && byte <= 0x39) ||
  (byte >= 0x41 && byte <= 0x5a) ||
  (byte >= 0x61 && byte <= 0x7a);

/**
 * Letters and digits a parser compares one at a time (`in[0] == 'Z' && in[1] == 'N' ...`)
 * come out of the harvest as single bytes in code order: each run of them, joined, is the
 * magic it spells (`ZNTH`).
 */
function joinedRuns(singles: readonly Uint8Array[]): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let run: number[] = [];
  const close = (): void => {
    if (run.length >= 2) runs.push(Uint8Array.from(run.slice(0, 16)));
    run = [];
  };
  for (const [byte] of singles) {
    if (byte !== undefined && isAlphanumeric(byte)) run.push(byte);
    else close();
  }
  close();
  return runs;
}

/** A token: three times in four one of the longer ones when there are both kinds. */
export function tokenArbitrary(tokens: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const ordered = orderTokens(tokens);
  if (ordered.length === 0) throw new RangeError('tokenArbitrary needs at least one token');
  const pick = (list: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> =>
    fc.integer({ min: 0, max: list.length - 1 }).map((index) => list[index]!);
  const long = ordered.filter((token) => token.length > 1);
  const short = ordered.filter((token) => token.length === 1);
  if (long.length === 0 || short.length === 0) return pick(ordered);
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: pick(long) },
    { weight: 1, arbitrary: pick(short) },
  );
}

const latin1 = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/**
 * A token that names something in a template (`{{user}}`): the module's name-like tokens (a
 * template's variables are literals in its data), or any token when it has none.
 */
function nameArbitrary(tokens: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const names = orderTokens(tokens).filter((token) =>
    /^[A-Za-z_][A-Za-z0-9_.-]{0,31}$/.test(latin1(token)),
  );
  return names.length > 0
    ? fc.integer({ min: 0, max: names.length - 1 }).map((index) => names[index]!)
    : tokenArbitrary(tokens);
}

/**
 * Opening and closing delimiters of placeholders: the pairs the module compares with itself
 * (its code checks for `{{` and `}}`) three times in four, else any common syntax.
 */
function delimitersArbitrary(
  tokens: readonly Uint8Array[],
): fc.Arbitrary<[Uint8Array, Uint8Array]> {
  const keys = new Set(tokens.map(latin1));
  const encode = ([open, close]: readonly [string, string]): [Uint8Array, Uint8Array] => [
    encoder.encode(open),
    encoder.encode(close),
  ];
  const all = fc.constantFrom(...PLACEHOLDER_SYNTAXES.map(encode));
  const own = PLACEHOLDER_SYNTAXES.filter(([open, close]) => keys.has(open) && keys.has(close));
  if (own.length === 0) return all;
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: fc.constantFrom(...own.map(encode)) },
    { weight: 1, arbitrary: all },
  );
}

/** What a token is put into: nothing, words, bytes, or a format shape. */
function baseArbitrary(maxBytes: number): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant(EMPTY) },
    { weight: 2, arbitrary: wordsArbitrary().map((words) => encoder.encode(words)) },
    { weight: 2, arbitrary: fc.uint8Array({ maxLength: Math.min(64, maxBytes) }) },
    { weight: 3, arbitrary: formatInputArbitrary(Math.min(1024, maxBytes)) },
  );
}

export function insertAt(base: Uint8Array, token: Uint8Array, position: number): Uint8Array {
  const at = position % (base.length + 1);
  return concatBytes([base.subarray(0, at), token, base.subarray(at)]);
}

export function overwriteAt(base: Uint8Array, token: Uint8Array, position: number): Uint8Array {
  if (base.length <= token.length) return concatBytes([token, base.subarray(token.length)]);
  const at = position % (base.length - token.length + 1);
  const out = base.slice();
  out.set(token, at);
  return out;
}

/** The ways tokens are spliced into inputs, and their share of the dictionary's weight. */
export const DICTIONARY_WEIGHTS = {
  alone: 2,
  prefix: 5,
  insert: 2,
  overwrite: 1,
  joined: 2,
  pairs: 2,
  framed: 2,
  placeholder: 3,
} as const;

/**
 * The printable punctuation among a dictionary's single-byte tokens, once each, in dictionary
 * order: the delimiters a module compares with (control bytes it compares with seldom are).
 */
export function modulePunctuation(tokens: readonly Uint8Array[]): number[] {
  const bytes = tokens
    .filter((token) => token.length === 1)
    .map(([byte]) => byte!)
    .filter((byte) => byte > 0x20 && byte < 0x7f && !/\w/.test(String.fromCharCode(byte)));
  return [...new Set(bytes)];
}

/** Separators between tokens: the common ones and the module's own single-byte punctuation. */
function separatorsOf(tokens: readonly Uint8Array[]): Uint8Array[] {
  return [
    ...SEPARATORS,
    ...orderTokens(tokens).filter(
      (t) => t.length === 1 && !/[\w]/.test(String.fromCharCode(t[0]!)),
    ),
  ];
}

/**
 * A count, a delimiter and what it counts ("3*ab", "12:hello"), the delimiter one of the
 * module's punctuation tokens two times in three: the shape of repeat, take and pad commands,
 * whose count a size computation multiplies (src/generators/boundary-numbers.ts pushes it to
 * the edges).
 */
export function countedArbitrary(
  tokens: readonly Uint8Array[],
  maxBytes: number,
): fc.Arbitrary<Uint8Array> {
  const own = modulePunctuation(tokens).map((byte) => Uint8Array.of(byte));
  const delimiter =
    own.length > 0
      ? fc.oneof(
          { weight: 2, arbitrary: fc.constantFrom(...own) },
          { weight: 1, arbitrary: fc.constantFrom(...SEPARATORS) },
        )
      : fc.constantFrom(...SEPARATORS);
  return fc
    .tuple(fc.integer({ min: 0, max: 999 }), delimiter, baseArbitrary(maxBytes))
    .map(([count, between, rest]) =>
      fitBytes(concatBytes([encoder.encode(String(count)), between, rest]), maxBytes),
    );
}

/**
 * Inputs built around dictionary tokens, each within `maxBytes`. `tokens` must not be empty
 * (callers leave this shape out of the mix when the module gave no token).
 */
export function dictionaryInputArbitrary(
  tokens: readonly Uint8Array[],
  maxBytes: number,
): fc.Arbitrary<Uint8Array> {
  const token = tokenArbitrary(tokens);
  const separator = fc.constantFrom(...separatorsOf(tokens));
  const base = baseArbitrary(maxBytes);
  const w = DICTIONARY_WEIGHTS;
  const fit = (arbitrary: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> =>
    arbitrary.map((bytes) => fitBytes(bytes, maxBytes));
  return fit(
    fc.oneof(
      { weight: w.alone, arbitrary: token },
      {
        weight: w.prefix,
        arbitrary: fc.tuple(token, base).map(([head, tail]) => concatBytes([head, tail])),
      },
      {
        weight: w.insert,
        arbitrary: fc.tuple(base, token, fc.nat()).map(([b, t, at]) => insertAt(b, t, at)),
      },
      {
        weight: w.overwrite,
        arbitrary: fc.tuple(base, token, fc.nat()).map(([b, t, at]) => overwriteAt(b, t, at)),
      },
      {
        weight: w.joined,
        arbitrary: fc.array(token, { minLength: 2, maxLength: 6 }).map(concatBytes),
      },
      {
        weight: w.pairs,
        arbitrary: fc
          .tuple(
            fc.array(fc.tuple(token, separator, token), { minLength: 1, maxLength: 4 }),
            fc.constantFrom(...SEPARATORS),
          )
          .map(([pairs, between]) =>
            concatBytes(pairs.flatMap(([a, s, b], index) => [index ? between : EMPTY, a, s, b])),
          ),
      },
      {
        // A magic, then a length and that many bytes: the shape of most binary headers.
        weight: w.framed,
        arbitrary: fc
          .tuple(token, lengthPrefixedArbitrary(maxBytes, { maxFrames: 1, tags: false }))
          .map(([magic, framed]) => concatBytes([magic, framed.bytes])),
      },
      {
        // Inside text, a placeholder of a name: the input that makes a template substitute.
        weight: w.placeholder,
        arbitrary: fc
          .tuple(base, delimitersArbitrary(tokens), nameArbitrary(tokens), fc.nat())
          .map(([b, [open, close], name, at]) => insertAt(b, concatBytes([open, name, close]), at)),
      },
    ),
  );
}
