import fc, { Stream, Value, type Random } from 'fast-check';

interface Context {
  /** The base arbitrary's own shrink context, while the value is still one it made. */
  base?: unknown;
  fromBase: boolean;
}

/**
 * Candidates tried per shrink step: each is one call of the plugin, and a step whose candidates
 * all pass costs all of them, so a 1 MiB input is cut in large pieces only.
 */
const MAX_CANDIDATES = 256;

/** Smaller inputs by deleting bytes: halves first, then quarters, down to single bytes. */
function* deletions(bytes: Uint8Array): Generator<Uint8Array> {
  if (bytes.length === 0) return;
  yield new Uint8Array(0);
  let budget = MAX_CANDIDATES;
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
 * deletions first (deterministic, so a --path replays the same steps), then the base's own
 * shrinks while the value is still the base's.
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
    const own: Stream<Value<Uint8Array>> = new Stream(deletions(value)).map(
      (bytes) => new Value(bytes, { fromBase: false } satisfies Context),
    );
    const state = context as Context | undefined;
    if (!state?.fromBase) return own;
    const fromBase = this.base
      .shrink(value, state.base)
      .map(
        (shrunk) =>
          new Value(shrunk.value_, { base: shrunk.context, fromBase: true } satisfies Context),
      );
    return own.join(fromBase);
  }
}

export const reducibleBytes = (base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> =>
  new ReducibleBytes(base);
