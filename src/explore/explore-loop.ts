/**
 * The coverage-guided loop: run `process` on inputs, keep the ones that reach blocks no
 * earlier input reached, and mutate kept inputs to find more. It starts from the corpus
 * samples, the dictionary's tokens and a batch of the default input mix, then mutates (one to
 * eight havoc steps each, src/generators/mutations.ts) with a seeded Prng.
 *
 * What it tries depends only on the seed and on what the plugin did with earlier inputs (the
 * host is deterministic), never on the clock: a time budget only decides after how many
 * iterations the loop stops, so a run of the same number of iterations keeps the same inputs.
 */
import fc from 'fast-check';
import { fitBytes } from '../generators/bytes.js';
import { orderTokens } from '../generators/dictionary-inputs.js';
import { defaultInputArbitrary } from '../generators/input-bytes.js';
import {
  applyMutation,
  randomMutation,
  sizeByTextNumbers,
  writeLengthField,
  type Mutation,
  type MutationSources,
} from '../generators/mutations.js';
import { Prng } from '../generators/prng.js';

/** Exploration inputs stay small (unless a corpus sample is longer): small inputs run fast. */
export const EXPLORE_INPUT_BYTES = 4096;
/** Inputs kept at most; the loop stops when it has kept this many. */
export const MAX_KEPT = 256;
/**
 * Accepted inputs (the call returned 0 with output) it remembers at most, those that reached
 * new code first, then those of a new length: the inputs a plugin with a narrow format takes,
 * for the rules that need one (ZC-CALL-013 runs them after the spec's edge inputs and pairs
 * them in its histories).
 */
export const MAX_ACCEPTED = 32;
/** Trapping inputs it remembers at most. */
export const MAX_TRAPPED = 8;
/** Generated inputs the loop starts from, besides the corpus and the dictionary. */
const GENERATED = 128;

export interface RunOutcome {
  /** Blocks this input reached that no earlier input did. */
  fresh: number;
  /** Whether the call returned 0 with some output. */
  accepted?: boolean;
  /** Whether the call trapped. */
  trapped?: boolean;
  /** Set when the host stopped the call (memory, log flood): the loop keeps it and ends. */
  stopped?: string;
  /** The call's work (src/wasm/count-work.ts), when the module counts it. */
  work?: number;
}

export interface ExploreTarget {
  /** Calls the export on one input, as iteration number `iteration` (from 0). */
  run(input: Uint8Array, iteration: number): RunOutcome;
}

export interface ExploreBudget {
  /** Stop after this many iterations (calls). */
  iterations?: number;
  /** Stop once this much time has passed. */
  timeMs?: number;
  /**
   * Stop once the calls have done this much work (function entries and loop iterations): a
   * slow plugin's exploration ends at the same input on every machine.
   */
  work?: number;
}

export interface ExploreLoopOptions {
  seed: number;
  budget: ExploreBudget;
  maxInputBytes: number;
  whitespace: readonly number[];
  dictionary: readonly Uint8Array[];
  /** Inputs the author gave (--corpus): tried first, mutated like kept ones, never kept. */
  samples: readonly Uint8Array[];
  maxKept?: number;
  /** Told of each kept input as it is found. */
  onKept?: (input: Uint8Array, iteration: number) => void;
  /** Told every `progressEvery` iterations. */
  onProgress?: (iterations: number) => void;
  progressEvery?: number;
  now?: () => number;
}

export interface ExploreLoopResult {
  iterations: number;
  /** Inputs that reached new blocks, in the order found (corpus samples excluded). */
  kept: Uint8Array[];
  /**
   * Accepted inputs: those that reached new blocks, then those of a length no accepted input
   * had before, each in the order found; at most MAX_ACCEPTED.
   */
  accepted: Uint8Array[];
  /**
   * Inputs that trapped and reached new blocks, in the order found (MAX_TRAPPED at most): the
   * rules run them first, so that a trap exploration saw does not wait on the generators.
   */
  trapped: Uint8Array[];
  /** Why the loop ended before its budget, if it did. */
  stopped?: string;
}

export function exploreLoop(target: ExploreTarget, options: ExploreLoopOptions): ExploreLoopResult {
  const now = options.now ?? (() => performance.now());
  const deadline = options.budget.timeMs === undefined ? Infinity : now() + options.budget.timeMs;
  const limit = options.budget.iterations ?? Infinity;
  const maxKept = options.maxKept ?? MAX_KEPT;
  const longest = options.samples.reduce((max, sample) => Math.max(max, sample.length), 0);
  const maxBytes = Math.min(options.maxInputBytes, Math.max(EXPLORE_INPUT_BYTES, longest));
  const tokens = orderTokens(options.dictionary);
  const rng = new Prng(options.seed ^ 0x6578706c);
  const generated = fc.sample(
    defaultInputArbitrary(
      Math.min(maxBytes, EXPLORE_INPUT_BYTES),
      options.whitespace,
      options.dictionary,
    ),
    { seed: options.seed, numRuns: GENERATED },
  );
  // Kept inputs and the samples: what mutations start from and splice with.
  const queue: Uint8Array[] = [];
  const sources: MutationSources = { samples: queue, dictionary: tokens };
  const kept: Uint8Array[] = [];
  const acceptedKept: Uint8Array[] = [];
  const acceptedOther: Uint8Array[] = [];
  const acceptedLengths = new Set<number>();
  const trapped: Uint8Array[] = [];
  let iterations = 0;
  let stopped: string | undefined;
  const workLimit = options.budget.work ?? Infinity;
  let work = 0;

  /** Runs one input; false once the loop must end. */
  const attempt = (input: Uint8Array, fromCorpus: boolean): boolean => {
    if (iterations >= limit || work >= workLimit || now() >= deadline) return false;
    const outcome = target.run(input, iterations);
    const iteration = iterations++;
    work += outcome.work ?? 0;
    if (outcome.trapped && outcome.fresh > 0 && trapped.length < MAX_TRAPPED) trapped.push(input);
    // Accepted inputs that reached new code come first: they take the plugin's most varied
    // paths; the others add only a new length.
    if (outcome.accepted && (outcome.fresh > 0 || !acceptedLengths.has(input.length))) {
      acceptedLengths.add(input.length);
      if (outcome.fresh > 0 && acceptedKept.length < MAX_ACCEPTED) acceptedKept.push(input);
      else if (acceptedOther.length < MAX_ACCEPTED) acceptedOther.push(input);
    }
    if (options.onProgress && iterations % (options.progressEvery ?? 1000) === 0) {
      options.onProgress(iterations);
    }
    if (outcome.fresh > 0 || outcome.stopped !== undefined) {
      queue.push(input);
      if (!fromCorpus) {
        kept.push(input);
        options.onKept?.(input, iteration);
      }
    }
    if (outcome.stopped !== undefined) {
      stopped = outcome.stopped;
      return false;
    }
    if (kept.length >= maxKept) {
      stopped = `kept ${maxKept} inputs, the most it keeps`;
      return false;
    }
    return true;
  };

  const finish = (): ExploreLoopResult => ({
    iterations,
    kept,
    accepted: [...acceptedKept, ...acceptedOther].slice(0, MAX_ACCEPTED),
    trapped,
    ...(stopped !== undefined ? { stopped } : {}),
  });

  for (const sample of options.samples) {
    if (!attempt(fitBytes(sample, maxBytes), true)) return finish();
  }
  for (const token of tokens) if (!attempt(token, false)) return finish();
  for (const input of generated) if (!attempt(input, false)) return finish();

  // Every kept input first gets the deterministic stage (each short token written at each of
  // its first positions), newest first, taking turns with havoc: a parser that compares its
  // input byte by byte with constants is passed one byte per find.
  const staged = new DeterministicStage(tokens, maxBytes);
  let stagedUpTo = 0;
  for (let turn = 0; ; turn++) {
    for (; stagedUpTo < queue.length; stagedUpTo++) staged.push(queue[stagedUpTo]!);
    const next = turn % 2 === 0 ? staged.next() : undefined;
    if (next) {
      if (!attempt(next, false)) return finish();
      continue;
    }
    let child: Uint8Array;
    if (queue.length === 0 || rng.chance(1 / 32)) {
      child = rng.pick(generated);
    } else {
      // Mostly the latest finds: the frontier is where new blocks are near.
      const roll = rng.below(4);
      child =
        roll < 2
          ? queue[queue.length - 1]!
          : roll === 2
            ? queue[queue.length - 1 - rng.below(Math.min(8, queue.length))]!
            : rng.pick(queue);
    }
    const steps = rng.chance(0.5) ? 1 : 1 << (1 + rng.below(3));
    for (let step = 0; step < steps; step++) {
      child = applyMutation(child, randomMutation(rng, sources), sources, maxBytes);
    }
    if (!attempt(child, false)) return finish();
  }
}

/** Positions of an input the deterministic stage writes tokens at. */
const STAGE_POSITIONS = 32;
/** Tokens it writes: up to this many longer ones and this many single bytes. */
const STAGE_TOKENS = 32;

/** Length fields the stage writes at each position: u8, u16, u32, little- then big-endian. */
const LENGTH_FIELDS: ReadonlyArray<[1 | 2 | 4, boolean]> = [
  [1, false],
  [2, false],
  [4, false],
  [2, true],
  [4, true],
];

/**
 * The text-size variants the stage tries first on each input: what follows one of its first
 * four numbers resized to that number, or to its product with the next, in NULs or in the
 * input's own bytes (sizeByTextNumbers). A header that says how much data follows ("P5 3 2
 * 255\n", "5:") is otherwise met only by luck: no block is new until the size is right.
 */
const TEXT_SIZES: ReadonlyArray<Extract<Mutation, { kind: 'textSize' }>> = [0, 1, 2, 3].flatMap(
  (first) =>
    [0, 1].flatMap((count) =>
      [0, 1].flatMap((after) =>
        [true, false].map((nul) => ({
          kind: 'textSize' as const,
          first,
          count,
          after,
          scale: 0,
          nul,
        })),
      ),
    ),
);

/**
 * AFL's dictionary overwrite stage, and a length-field stage: for one input, its text-size
 * variants (TEXT_SIZES), then each token written over each of its first positions, then at each
 * position the number of bytes that follow (u8, u16, u32; LE, BE), one variant at a time.
 * Inputs are taken newest first (a stack): a variant that found something is staged before the
 * rest of its parent's variants.
 */
class DeterministicStage {
  private readonly tokens: Uint8Array[];
  private readonly stack: Array<{
    input: Uint8Array;
    position: number;
    token: number;
    sized: number;
  }> = [];

  constructor(
    tokens: readonly Uint8Array[],
    private readonly maxBytes: number,
  ) {
    this.tokens = [
      ...tokens.filter((token) => token.length > 1).slice(0, STAGE_TOKENS),
      ...tokens.filter((token) => token.length === 1).slice(0, STAGE_TOKENS),
    ];
  }

  push(input: Uint8Array): void {
    if (input.length > 0) this.stack.push({ input, position: 0, token: 0, sized: 0 });
  }

  next(): Uint8Array | undefined {
    for (;;) {
      const top = this.stack[this.stack.length - 1];
      if (!top) return undefined;
      if (top.sized < TEXT_SIZES.length) {
        const variant = sizeByTextNumbers(top.input, TEXT_SIZES[top.sized++]!, this.maxBytes);
        if (variant !== top.input && !sameBytes(variant, top.input)) return variant;
        continue;
      }
      if (top.token >= this.tokens.length + LENGTH_FIELDS.length) {
        top.token = 0;
        top.position++;
      }
      if (top.position >= Math.min(top.input.length, STAGE_POSITIONS)) {
        this.stack.pop();
        continue;
      }
      const { input, position } = top;
      const step = top.token++;
      if (step >= this.tokens.length) {
        const [width, bigEndian] = LENGTH_FIELDS[step - this.tokens.length]!;
        if (position + width > input.length) continue;
        const variant = writeLengthField(input, position, width, bigEndian);
        if (variant !== input && !sameBytes(variant, input)) return variant;
        continue;
      }
      const token = this.tokens[step]!;
      if (position + token.length > input.length) continue;
      let same = true;
      for (let i = 0; i < token.length && same; i++) same = input[position + i] === token[i];
      if (same) continue;
      const variant = input.slice();
      variant.set(token, position);
      return variant;
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
