import fc, { Stream, Value, type Random } from 'fast-check';

interface Context {
  /** The base arbitrary's own shrink context, while the value is still one it made. */
  base?: unknown;
  fromBase: boolean;
  /**
   * Set once every deletion of this value was tried and none still failed. A record (the
   * input beside its placement and capacity) shrinks its fields in turn and asks the input
   * for its shrinks again after each step of another field: the same deletions would be
   * tried again each time. Set by consuming the stream, so a --path replay sets it alike.
   */
  deletionsTried?: boolean;
}

/** The generator's values, then a mark that it ran to its end. */
function* thenMark(values: Iterable<Uint8Array>, state: Context): Generator<Uint8Array> {
  yield* values;
  state.deletionsTried = true;
}

/**
 * Candidates tried per shrink step: each is a case of the rule (several calls for some), and a
 * step whose candidates all pass costs all of them. A large input is cut in large pieces only
 * (halves to sixteenths); a small one down to single bytes, where a readable counterexample is
 * won. A count, not a time, so that a replayed path takes the same steps on any machine.
 */
const MAX_CANDIDATES = 128;
const MAX_CANDIDATES_LARGE = 15;
const LARGE_INPUT = 4096;

/** Smaller inputs by deleting bytes: halves first, then quarters, down to single bytes. */
function* deletions(bytes: Uint8Array): Generator<Uint8Array> {
  if (bytes.length === 0) return;
  yield new Uint8Array(0);
  let budget = bytes.length > LARGE_INPUT ? MAX_CANDIDATES_LARGE : MAX_CANDIDATES;
  for (let size = bytes.length >> 1; size >= 1; size >>= 1) {
    for (let start = 0; start + size <= bytes.length; start += size) {
      if (--budget < 0) return;
      const out = new Uint8Array(bytes.length - size);
      out.set(bytes.subarray(0, start));
      out.set(bytes.subarray(start + size), start);
      yield out;
    }
  }
}

/**
 * Input bytes that shrink however they were made. The input mix is built with `map` (format
 * shapes, text, corpus mutants), which fast-check can only shrink within each shape's own
 * structure, so a failure found on 140 bytes of UTF-8 edges stays 140 bytes. This tries byte
 * the base's own shrinks while the value is still the base's, then byte deletions
 * (deterministic, so a --path replays the same steps).
 */
class ReducibleBytes extends fc.Arbitrary<Uint8Array> {
  constructor(private readonly base: fc.Arbitrary<Uint8Array>) {
    super();
  }

  generate(random: Random, biasFactor: number | undefined): Value<Uint8Array> {
    const made = this.base.generate(random, biasFactor);
    return new Value(made.value_, { base: made.context, fromBase: true } satisfies Context);
  }

  canShrinkWithoutContext(value: unknown): value is Uint8Array {
    return value instanceof Uint8Array;
  }

  shrink(value: Uint8Array, context: unknown): Stream<Value<Uint8Array>> {
    const state = (context as Context | undefined) ?? { fromBase: false };
    const own: Stream<Value<Uint8Array>> = state.deletionsTried
      ? Stream.nil()
      : new Stream(thenMark(deletions(value), state)).map(
          (bytes) => new Value(bytes, { fromBase: false } satisfies Context),
        );
    if (!state.fromBase) return own;
    const fromBase = this.base
      .shrink(value, state.base)
      .map(
        (shrunk) =>
          new Value(shrunk.value_, { base: shrunk.context, fromBase: true } satisfies Context),
      );
    // The base's own shrinks first: they follow the input's structure (a header stays valid), so
    // most of them still fail; deletions are tried only where the base has none left, once per
    // step rather than before every base step (a step whose deletions all pass costs them all).
    return fromBase.join(own);
  }
}

export const reducibleBytes = (base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> =>
  new ReducibleBytes(base);
