/**
 * Mutations of sample inputs (a --corpus, or the inputs exploration kept), as coverage fuzzers
 * make them: truncate, extend, splice two samples, flip a bit, write an interesting value, add
 * to a byte, repeat a slice, insert or write a dictionary token, delete a range, break a line
 * (LF, CRLF or a lone CR inserted, or every LF made CRLF), size the rest by the numbers in a
 * text header (a PGM's width and height, a netstring's length). A mutation is
 * data with positions taken modulo the input's length, so the same mutation applies to any
 * sample; fast-check generates and shrinks it (corpusInputArbitrary), and the exploration
 * loop draws it from a seeded Prng (randomMutation). Both apply it with applyMutation.
 */
import fc from 'fast-check';
import { digitRuns } from './boundary-numbers.js';
import { concatBytes, fitBytes } from './bytes.js';
import type { Prng } from './prng.js';

export type Mutation =
  /** Drops 1 + drop bytes (modulo the length) from the end. */
  | { kind: 'truncate'; drop: number }
  | { kind: 'extend'; bytes: Uint8Array }
  /** This input up to `at`, then sample `other` from `from`. */
  | { kind: 'splice'; other: number; at: number; from: number }
  | { kind: 'flip'; at: number; bit: number }
  /** Writes INTERESTING[width][value] little-endian at `at`. */
  | { kind: 'interesting'; at: number; width: 1 | 2 | 4; value: number }
  | { kind: 'arith'; at: number; delta: number }
  /** Repeats the 1 + length bytes at `at`, `times` more times. */
  | { kind: 'repeat'; at: number; length: number; times: number }
  | { kind: 'token'; token: number; at: number; overwrite: boolean }
  /** Deletes 1 + length bytes at `at`. */
  | { kind: 'delete'; at: number; length: number }
  /** Writes at `at` how many bytes follow the field, as a `width`-byte integer. */
  | { kind: 'length'; at: number; width: 1 | 2 | 4; bigEndian: boolean }
  /** Inserts LINE_BREAKS[style] at `at`; the last style makes every LF a CRLF instead. */
  | { kind: 'lineBreak'; at: number; style: number }
  /** Sizes the bytes after a number by the numbers before it: see sizeByTextNumbers. */
  | { kind: 'textSize'; first: number; count: number; after: number; scale: number; nul: boolean };

export type MutationKind = Mutation['kind'];

/** Values at the edges of signed and unsigned ranges, by width in bytes. */
export const INTERESTING: Readonly<Record<1 | 2 | 4, readonly number[]>> = {
  1: [0x00, 0xff, 0x7f, 0x80, 0x01, 0x20, 0x0a, 0x10, 0x40, 0x64],
  2: [0x0000, 0xffff, 0x7fff, 0x8000, 0x0001, 0x00ff, 0x0100, 0x03e8, 0x1000],
  4: [0, 0xffffffff, 0x7fffffff, 0x80000000, 1, 0xffff, 0x10000, 0x7fff, 0x8000],
};

/**
 * What a line-break mutation inserts: text formats take line breaks anywhere, and a size pass
 * and a write pass that skip different ones (LF but not CR) disagree only on such input.
 */
export const LINE_BREAKS: readonly Uint8Array[] = [
  Uint8Array.of(0x0a),
  Uint8Array.of(0x0d, 0x0a),
  Uint8Array.of(0x0d),
];
/** The style that turns every LF into CRLF (or inserts one CRLF where there is no LF). */
const EVERY_LF_TO_CRLF = LINE_BREAKS.length;

/** Every LF of the input as CRLF (an LF already after a CR stays as it is). */
function crlfLineBreaks(input: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== 0x0a || (i > 0 && input[i - 1] === 0x0d)) continue;
    parts.push(input.subarray(from, i), LINE_BREAKS[1]!);
    from = i + 1;
  }
  if (parts.length === 0) return undefined;
  parts.push(input.subarray(from));
  return concatBytes(parts);
}

export interface MutationSources {
  /** Samples a splice takes its second part from. */
  samples: readonly Uint8Array[];
  dictionary: readonly Uint8Array[];
}

/** Applies one mutation; the result is a new array of at most `maxBytes` bytes. */
export function applyMutation(
  input: Uint8Array,
  mutation: Mutation,
  sources: MutationSources,
  maxBytes: number,
): Uint8Array {
  const length = input.length;
  const position = (at: number, room = length): number => (room <= 0 ? 0 : at % room);
  let out: Uint8Array;
  switch (mutation.kind) {
    case 'truncate':
      out = length === 0 ? input : input.slice(0, length - 1 - (mutation.drop % length));
      break;
    case 'extend':
      out = concatBytes([input, mutation.bytes]);
      break;
    case 'splice': {
      const other = sources.samples[mutation.other % Math.max(1, sources.samples.length)] ?? input;
      out = concatBytes([
        input.subarray(0, position(mutation.at, length + 1)),
        other.subarray(position(mutation.from, other.length + 1)),
      ]);
      break;
    }
    case 'flip':
    case 'arith':
    case 'interesting': {
      if (length === 0) {
        out = input;
        break;
      }
      out = input.slice();
      if (mutation.kind === 'flip') {
        const at = position(mutation.at);
        out[at] = out[at]! ^ (1 << (mutation.bit & 7));
      } else if (mutation.kind === 'arith') {
        const at = position(mutation.at);
        out[at] = (out[at]! + mutation.delta) & 0xff;
      } else {
        const values = INTERESTING[mutation.width];
        const value = values[mutation.value % values.length]!;
        const width = Math.min(mutation.width, length);
        const at = position(mutation.at, length - width + 1);
        for (let i = 0; i < width; i++) out[at + i] = (value >>> (8 * i)) & 0xff;
      }
      break;
    }
    case 'repeat': {
      if (length === 0) {
        out = input;
        break;
      }
      const at = position(mutation.at);
      const slice = input.subarray(at, at + 1 + (mutation.length % (length - at)));
      const copies = Array.from({ length: Math.max(1, mutation.times) }, () => slice);
      out = concatBytes([
        input.subarray(0, at + slice.length),
        ...copies,
        input.subarray(at + slice.length),
      ]);
      break;
    }
    case 'token': {
      const token = sources.dictionary[mutation.token % Math.max(1, sources.dictionary.length)];
      if (!token) {
        out = input;
        break;
      }
      if (mutation.overwrite && length >= token.length) {
        out = input.slice();
        out.set(token, position(mutation.at, length - token.length + 1));
      } else {
        const at = position(mutation.at, length + 1);
        out = concatBytes([input.subarray(0, at), token, input.subarray(at)]);
      }
      break;
    }
    case 'length': {
      out = writeLengthField(input, mutation.at, mutation.width, mutation.bigEndian);
      break;
    }
    case 'textSize': {
      out = sizeByTextNumbers(input, mutation, maxBytes);
      break;
    }
    case 'lineBreak': {
      const style = mutation.style % (LINE_BREAKS.length + 1);
      const every = style === EVERY_LF_TO_CRLF ? crlfLineBreaks(input) : undefined;
      if (every) {
        out = every;
        break;
      }
      const at = position(mutation.at, length + 1);
      const inserted = LINE_BREAKS[style === EVERY_LF_TO_CRLF ? 1 : style]!;
      out = concatBytes([input.subarray(0, at), inserted, input.subarray(at)]);
      break;
    }
    case 'delete': {
      if (length === 0) {
        out = input;
        break;
      }
      const at = position(mutation.at);
      const end = at + 1 + (mutation.length % (length - at));
      out = concatBytes([input.subarray(0, at), input.subarray(end)]);
      break;
    }
  }
  return fitBytes(out, maxBytes);
}

/**
 * The input with a length field at `at % (length - width + 1)`: the number of bytes after the
 * field, as a little- or big-endian integer of `width` bytes (what a length-prefixed format
 * checks against the bytes that remain). An input shorter than the field is left alone.
 */
export function writeLengthField(
  input: Uint8Array,
  at: number,
  width: 1 | 2 | 4,
  bigEndian: boolean,
): Uint8Array {
  if (input.length < width) return input;
  const position = at % (input.length - width + 1);
  const value = input.length - position - width;
  const out = input.slice();
  for (let i = 0; i < width; i++) {
    out[position + (bigEndian ? width - 1 - i : i)] = Math.floor(value / 2 ** (8 * i)) & 0xff;
  }
  return out;
}

/** What a text header's numbers may be multiplied by: bytes per pixel (grey, RGB, RGBA). */
const TEXT_SIZE_SCALES = [1, 1, 2, 3, 4] as const;

/**
 * The input with what follows a number resized to the product of 1 to 3 numbers before it
 * (times a small scale), after one separator byte: the size check of a format whose text
 * header says how much data comes next ("P5 3 2 255\n" then 6 pixel bytes, "5:hello,"). The
 * payload is NULs (below any maximum value the header sets), or the input's own bytes repeated
 * to the size (text a text format takes). Runs are counted modulo how many the input has;
 * without digits, or with a size past maxBytes, the input is left alone.
 */
export function sizeByTextNumbers(
  input: Uint8Array,
  mutation: Extract<Mutation, { kind: 'textSize' }>,
  maxBytes: number,
): Uint8Array {
  // Only short runs: a longer one is no size.
  const runs = digitRuns(input).filter(([start, end]) => end - start <= 7);
  if (runs.length === 0) return input;
  const first = mutation.first % runs.length;
  const count = 1 + (mutation.count % Math.min(3, runs.length - first));
  const lastFactor = first + count - 1;
  const header = runs[lastFactor + (mutation.after % (runs.length - lastFactor))]!;
  let size = TEXT_SIZE_SCALES[mutation.scale % TEXT_SIZE_SCALES.length]!;
  for (const [start, end] of runs.slice(first, lastFactor + 1)) {
    let value = 0;
    for (let i = start; i < end; i++) value = value * 10 + input[i]! - 0x30;
    size *= value;
  }
  const start = Math.min(input.length, header[1] + 1);
  if (start + size > maxBytes) return input;
  const head = input.length > header[1] ? input.subarray(0, start) : concatBytes([input, SPACE]);
  const tail = input.subarray(start);
  const payload = new Uint8Array(size);
  if (!mutation.nul && tail.length > 0) {
    for (let i = 0; i < size; i++) payload[i] = tail[i % tail.length]!;
  }
  return concatBytes([head, payload]);
}

const SPACE = Uint8Array.of(0x20);

/** How often each kind is drawn, in fast-check cases and in the exploration loop. */
export const MUTATION_WEIGHTS: Readonly<Record<MutationKind, number>> = {
  truncate: 2,
  extend: 2,
  splice: 2,
  flip: 3,
  interesting: 3,
  arith: 2,
  repeat: 2,
  token: 4,
  delete: 2,
  length: 2,
  lineBreak: 2,
  textSize: 2,
};

/** One mutation as a fast-check arbitrary: every field shrinks towards the smallest change. */
export function mutationArbitrary(sources: MutationSources): fc.Arbitrary<Mutation> {
  const w = MUTATION_WEIGHTS;
  const at = fc.nat();
  const kinds: Array<fc.WeightedArbitrary<Mutation>> = [
    {
      weight: w.truncate,
      arbitrary: fc.nat().map((drop): Mutation => ({ kind: 'truncate', drop })),
    },
    {
      weight: w.extend,
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 32 })
        .map((bytes): Mutation => ({ kind: 'extend', bytes })),
    },
    {
      weight: w.flip,
      arbitrary: fc
        .tuple(at, fc.integer({ min: 0, max: 7 }))
        .map(([where, bit]): Mutation => ({ kind: 'flip', at: where, bit })),
    },
    {
      weight: w.interesting,
      arbitrary: fc
        .tuple(at, fc.constantFrom<1 | 2 | 4>(1, 2, 4), fc.nat(INTERESTING[1].length - 1))
        .map(([where, width, value]): Mutation => ({
          kind: 'interesting',
          at: where,
          width,
          value,
        })),
    },
    {
      weight: w.arith,
      arbitrary: fc
        .tuple(at, fc.integer({ min: -35, max: 35 }))
        .map(([where, delta]): Mutation => ({ kind: 'arith', at: where, delta })),
    },
    {
      weight: w.repeat,
      arbitrary: fc
        .tuple(at, fc.nat(63), fc.integer({ min: 1, max: 64 }))
        .map(([where, length, times]): Mutation => ({ kind: 'repeat', at: where, length, times })),
    },
    {
      weight: w.delete,
      arbitrary: fc
        .tuple(at, fc.nat(255))
        .map(([where, length]): Mutation => ({ kind: 'delete', at: where, length })),
    },
    {
      weight: w.length,
      arbitrary: fc
        .tuple(at, fc.constantFrom<1 | 2 | 4>(1, 2, 4), fc.boolean())
        .map(([where, width, bigEndian]): Mutation => ({
          kind: 'length',
          at: where,
          width,
          bigEndian,
        })),
    },
    {
      weight: w.lineBreak,
      arbitrary: fc
        .tuple(at, fc.nat(LINE_BREAKS.length))
        .map(([where, style]): Mutation => ({ kind: 'lineBreak', at: where, style })),
    },
  ];
  kinds.push({
    weight: w.textSize,
    arbitrary: fc
      .tuple(fc.nat(7), fc.nat(2), fc.nat(7), fc.nat(TEXT_SIZE_SCALES.length - 1), fc.boolean())
      .map(([first, count, after, scale, nul]): Mutation => ({
        kind: 'textSize',
        first,
        count,
        after,
        scale,
        nul,
      })),
  });
  if (sources.samples.length > 1) {
    kinds.push({
      weight: w.splice,
      arbitrary: fc
        .tuple(fc.nat(sources.samples.length - 1), at, fc.nat())
        .map(([other, where, from]): Mutation => ({ kind: 'splice', other, at: where, from })),
    });
  }
  if (sources.dictionary.length > 0) {
    kinds.push({
      weight: w.token,
      arbitrary: fc
        .tuple(fc.nat(sources.dictionary.length - 1), at, fc.boolean())
        .map(([token, where, overwrite]): Mutation => ({
          kind: 'token',
          token,
          at: where,
          overwrite,
        })),
    });
  }
  return fc.oneof(...kinds);
}

/** One mutation drawn from a Prng, with the same kinds and weights as mutationArbitrary. */
export function randomMutation(rng: Prng, sources: MutationSources): Mutation {
  const kinds = (Object.keys(MUTATION_WEIGHTS) as MutationKind[]).filter(
    (kind) =>
      (kind !== 'splice' || sources.samples.length > 1) &&
      (kind !== 'token' || sources.dictionary.length > 0),
  );
  const total = kinds.reduce((sum, kind) => sum + MUTATION_WEIGHTS[kind], 0);
  let roll = rng.below(total);
  let kind = kinds[0]!;
  for (const candidate of kinds) {
    roll -= MUTATION_WEIGHTS[candidate];
    if (roll < 0) {
      kind = candidate;
      break;
    }
  }
  const at = rng.u32();
  switch (kind) {
    case 'truncate':
      return { kind, drop: rng.below(16) === 0 ? rng.u32() : rng.below(8) };
    case 'extend': {
      const bytes = new Uint8Array(1 + rng.below(16));
      for (let i = 0; i < bytes.length; i++) bytes[i] = rng.below(256);
      return { kind, bytes };
    }
    case 'splice':
      return { kind, other: rng.below(sources.samples.length), at, from: rng.u32() };
    case 'flip':
      return { kind, at, bit: rng.below(8) };
    case 'interesting':
      return { kind, at, width: rng.pick([1, 1, 2, 4] as const), value: rng.below(16) };
    case 'arith':
      return { kind, at, delta: rng.below(71) - 35 || 1 };
    case 'repeat':
      return { kind, at, length: rng.below(16), times: 1 + rng.below(rng.chance(0.1) ? 256 : 8) };
    case 'token':
      return { kind, token: rng.below(sources.dictionary.length), at, overwrite: rng.chance(0.5) };
    case 'delete':
      return { kind, at, length: rng.below(rng.chance(0.1) ? 256 : 8) };
    case 'length':
      return { kind, at, width: rng.pick([1, 2, 4] as const), bigEndian: rng.chance(0.25) };
    case 'lineBreak':
      return { kind, at, style: rng.below(LINE_BREAKS.length + 1) };
    case 'textSize':
      return {
        kind,
        first: rng.below(8),
        count: rng.below(3),
        after: rng.below(8),
        scale: rng.below(TEXT_SIZE_SCALES.length),
        nul: rng.chance(0.5),
      };
  }
}

/**
 * An integer in [0, max] that is generated at `max` and shrinks towards 0: the share of a
 * sample that is kept starts whole, and shrinking makes it shorter.
 */
class FromMax extends fc.Arbitrary<number> {
  private readonly inner: fc.Arbitrary<number>;

  constructor(private readonly max: number) {
    super();
    this.inner = fc.integer({ min: 0, max });
  }

  generate(): fc.Value<number> {
    return new fc.Value(this.max, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is number {
    return this.inner.canShrinkWithoutContext(value);
  }

  shrink(value: number, context: unknown): fc.Stream<fc.Value<number>> {
    return this.inner.shrink(value, context);
  }
}

const KEEP_SCALE = 1000;

/** Share of mutated cases among corpus cases: the rest are the samples as they are. */
export const CORPUS_WEIGHTS = { unmutated: 1, mutated: 3 } as const;

/**
 * The samples themselves and their mutants (one to four mutations each). A case shrinks
 * towards the unmutated sample (fewer mutations), then a shorter prefix of it, then a shorter
 * sample (samples are taken shortest first).
 */
export function corpusInputArbitrary(
  samples: readonly Uint8Array[],
  dictionary: readonly Uint8Array[],
  maxBytes: number,
): fc.Arbitrary<Uint8Array> {
  if (samples.length === 0) throw new RangeError('corpusInputArbitrary needs at least one sample');
  const sorted = samples
    .map((sample, index) => ({ sample: fitBytes(sample, maxBytes), index }))
    .sort((a, b) => a.sample.length - b.sample.length || a.index - b.index)
    .map((entry) => entry.sample);
  const sources: MutationSources = { samples: sorted, dictionary };
  const mutations = fc.oneof(
    { withCrossShrink: true },
    { weight: CORPUS_WEIGHTS.unmutated, arbitrary: fc.constant<Mutation[]>([]) },
    {
      weight: CORPUS_WEIGHTS.mutated,
      arbitrary: fc.array(mutationArbitrary(sources), { minLength: 1, maxLength: 4 }),
    },
  );
  return fc
    .tuple(mutations, new FromMax(KEEP_SCALE), fc.integer({ min: 0, max: sorted.length - 1 }))
    .map(([steps, keep, index]) => {
      const sample = sorted[index]!;
      // A copy: no case shares its bytes with a sample or another case.
      let bytes: Uint8Array = sample.slice(0, Math.floor((sample.length * keep) / KEEP_SCALE));
      for (const step of steps) bytes = applyMutation(bytes, step, sources, maxBytes);
      return bytes;
    });
}
