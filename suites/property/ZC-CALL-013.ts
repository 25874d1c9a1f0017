import fc from 'fast-check';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { runCallCase, type CallCase } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { defineCheck } from '../../src/check/define-check.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import {
  callCaseArbitrary,
  derivedInput,
  type CaseEnvironment,
} from '../../src/property/arbitraries/call-case.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import type { PluginSession } from '../../src/property/session.js';
import {
  callResultOf,
  describeResult,
  describeResultDifference,
  sameResult,
  type CallResult,
} from '../_internals/call-result.js';
import { smallerCase } from '../_internals/smaller-case.js';
import { edgeInputsFor } from '../_internals/single-call.js';

/**
 * A step of a history: call the pool's input `index` (with `short`, telling it there is room
 * for one element only, so that it most likely gets -3), or unload and load the plugin again.
 */
type Step = { kind: 'call'; index: number; short?: true } | { kind: 'reload' };

interface History {
  /** Inputs that collide on what a cache would key on: length, first byte, a prefix. */
  pool: CallCase[];
  steps: Step[];
}

/**
 * The next character of the same class (a-z, A-Z, 0-9 each rotate by one; every other byte,
 * UTF-8 included, stays): input a plugin with a narrow format still accepts, and that a
 * lowercasing or case-folding plugin does not map back onto the original.
 */
function rotateClass(byte: number): number {
  const rotate = (base: number, size: number) => base + ((byte - base + 1) % size);
  if (byte >= 0x61 && byte <= 0x7a) return rotate(0x61, 26);
  if (byte >= 0x41 && byte <= 0x5a) return rotate(0x41, 26);
  if (byte >= 0x30 && byte <= 0x39) return rotate(0x30, 10);
  return byte;
}

/**
 * Variants of a case that a careless cache mistakes for it: the same length (every character
 * moved on within its class), the same length and first byte, the same first half; for a
 * params-struct call, the same struct (dimensions) with other bytes of the derived size.
 */
function collidingVariants(base: CallCase, headerSizes: readonly number[]): CallCase[] {
  const { input } = base;
  if (input.length === 0) return [];
  const otherBytes = (from: number) =>
    Uint8Array.from(input, (byte, i) => (i < from ? byte : byte ^ 0xa5));
  if (base.fields) return [{ ...base, input: otherBytes(0) }];
  // The same header (a profile's input struct), another payload: a cache keyed on the header.
  const sameHeader = headerSizes
    .filter((size) => input.length > size)
    .map((size) => ({ ...base, input: otherBytes(size) }));
  const sameLength = input.map(rotateClass);
  const sameFirstByte = Uint8Array.from(input, (byte, i) => (i === 0 ? byte : rotateClass(byte)));
  const prefix = input.subarray(0, Math.ceil(input.length / 2));
  return [
    ...sameHeader,
    ...[sameLength, sameFirstByte, swapFirstPair(input), shortenLongestWord(input), prefix]
      .filter((bytes) => Buffer.compare(bytes, input) !== 0)
      .map((bytes) => ({ ...base, input: bytes })),
  ];
}

/**
 * For a params-struct call, the same output size with another input size: each field the
 * input's size depends on and the output's does not (a resize's source width and height) one
 * more, the rest kept, with fresh input bytes of the new size. A table a plugin keys on the
 * output's dimensions alone (a column map by destination width) is then used for a source it
 * was not built for.
 */
function sameOutputOtherInput(base: CallCase, shape: CallShape, env: CaseEnvironment): CallCase[] {
  if (!base.fields || !shape.params) return [];
  const outputFields = new Set(shape.params.outputSize.factors.fields);
  const fields = base.fields;
  return shape.params.inputSize.factors.fields
    .filter((name) => !outputFields.has(name) && fields[name] !== undefined)
    .map((name) => {
      const changed = { ...fields, [name]: fields[name]! + 1 };
      return {
        ...base,
        fields: changed,
        input: derivedInput(shape, changed, 7, env.maxInputBytes),
      };
    });
}

/**
 * The input with its first two neighbouring, different bytes of one class swapped ("ab cd" ->
 * "ba cd"): the same length, bytes, sum and xor, so a cache keyed on a checksum of the bytes
 * mistakes it for the original, and a narrow format still accepts it.
 */
function swapFirstPair(input: Uint8Array): Uint8Array {
  for (let i = 0; i + 1 < input.length; i++) {
    const [a, b] = [input[i]!, input[i + 1]!];
    if (a !== b && classOf(a) !== undefined && classOf(a) === classOf(b)) {
      const out = input.slice();
      out[i] = b;
      out[i + 1] = a;
      return out;
    }
  }
  return input;
}

const isLetter = (byte: number): boolean => (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7a;

/**
 * The input with its longest run of ASCII letters cut to half its length ("pineapple-large,12"
 * -> "pinea-large,12"): the same format with a shorter field where a longer one was, so a
 * record or scratch buffer the plugin fills without clearing shows the earlier field's tail.
 */
function shortenLongestWord(input: Uint8Array): Uint8Array {
  let best = { start: 0, length: 0 };
  for (let i = 0; i < input.length;) {
    if (!isLetter(input[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < input.length && isLetter(input[end]!)) end++;
    if (end - i > best.length) best = { start: i, length: end - i };
    i = end;
  }
  if (best.length < 2) return input;
  const keep = best.start + Math.ceil(best.length / 2);
  const cut = best.start + best.length;
  const out = new Uint8Array(input.length - (cut - keep));
  out.set(input.subarray(0, keep));
  out.set(input.subarray(cut), keep);
  return out;
}

/** The class rotateClass moves a byte within (its first byte: a, A or 0); none for the rest. */
const classOf = (byte: number): number | undefined =>
  rotateClass(byte) === byte ? undefined : byte >= 0x61 ? 0x61 : byte >= 0x41 ? 0x41 : 0x30;

/** A case of the input with room to spare, placed as usual: a history is about order, not room. */
const ample = (input: Uint8Array): CallCase => ({
  input,
  placement: DEFAULT_PLACEMENT,
  capacity: { kind: 'ample' },
});

/**
 * The case told it has room for one element (*output_len = 1), in a buffer as roomy as the
 * case's own, so that it lies where the roomy call's would: -3 for almost any output. What a
 * call that got -3 left behind (a result kept for the retry under a key too weak for it, the
 * input's address and length, a cursor not reset) shows in the next call; one object per case,
 * so that its fresh result is computed once.
 */
const shortCases = new WeakMap<CallCase, CallCase>();
function short(testCase: CallCase): CallCase {
  let found = shortCases.get(testCase);
  if (!found) {
    found = { ...testCase, cellValue: 1 };
    shortCases.set(testCase, found);
  }
  return found;
}

/**
 * Inputs the export likely takes: the author's samples, then those exploration saw `process`
 * accept (those that reached new code first). A plugin with a narrow format rejects most
 * generated inputs, and two rejections compare equal whatever state the plugin is in.
 */
function acceptedInputs(shape: CallShape, env: CaseEnvironment): Uint8Array[] {
  if (shape.params) return [];
  return [...(env.corpus ?? []), ...(shape.exportName === 'process' ? (env.accepted ?? []) : [])];
}

function historyArbitrary(shape: CallShape, env: CaseEnvironment) {
  const headerSizes =
    shape.exportName === 'process' ? env.processInputs.map(({ header }) => header.size) : [];
  const generated = callCaseArbitrary(shape, env, ['apart']).map((c) => ({
    ...c,
    placement: DEFAULT_PLACEMENT,
    capacity: { kind: 'ample' as const },
  }));
  const accepted = acceptedInputs(shape, env).map(ample);
  const anAccepted = fc.nat().map((index) => accepted[index % accepted.length]!);
  // Half the inputs are ones the plugin accepts, when any are known.
  const one = accepted.length > 0 ? fc.oneof(generated, anAccepted) : generated;
  // The spec's edge inputs as a history's first input: a lone escape, an unclosed nesting,
  // a cut-off string leave a parser's state where the next, ordinary call trips on it.
  const edges = shape.params ? [] : edgeInputsFor(env, 'ZC-CALL-013');
  // One case per edge input, shared by every history: its fresh result is computed once.
  const edgeCases = edges.map(ample);
  const edge = (index: number): CallCase => edgeCases[index % edgeCases.length]!;
  // Half the histories are of colliding variants: a cache shows only when a variant follows
  // the input it collides with. With accepted inputs, a third are two of them and the
  // variants of the first: a scratch record a longer input filled, read after a shorter one.
  const kind = fc.oneof(
    { weight: 1, arbitrary: fc.constant('independent' as const) },
    { weight: 2, arbitrary: fc.constant('colliding' as const) },
    ...(edges.length > 0 ? [{ weight: 1, arbitrary: fc.constant('after-edge' as const) }] : []),
    ...(accepted.length > 0 ? [{ weight: 2, arbitrary: fc.constant('accepted' as const) }] : []),
  );
  return fc
    .tuple(
      one,
      one,
      kind,
      fc.nat(),
      accepted.length > 0 ? fc.tuple(anAccepted, anAccepted) : fc.constant(undefined),
    )
    .map(([a, b, kind, edgeIndex, acceptedPair]) => {
      // Every other kind ends with a call the plugin accepts, when one is known: what a
      // rejected call left behind (a quote state, a depth) shows only in a call that gets
      // past the input check.
      const probe = kind !== 'accepted' ? acceptedPair?.[0] : undefined;
      const withProbe = (pool: CallCase[]) => {
        const distinct = distinctInputs(probe ? [...pool, probe] : pool);
        const last = probe ? distinct.findIndex((c) => c === probe) : -1;
        return { pool: distinct, last: last >= 0 ? last : undefined };
      };
      if (kind === 'independent') return withProbe([a, b]);
      if (kind === 'after-edge') return withProbe([edge(edgeIndex), a, b]);
      const [first, second] = kind === 'accepted' && acceptedPair ? acceptedPair : [a, undefined];
      const smaller = smallerCase(first, shape, env);
      const variants = [
        ...(second ? [second] : []),
        ...(smaller ? [smaller] : []),
        ...collidingVariants(first, headerSizes),
        ...sameOutputOtherInput(first, shape, env),
      ];
      return withProbe(distinctInputs([first, ...variants]).slice(0, 6));
    })
    .chain(({ pool, last }) =>
      fc
        .array(
          fc.oneof(
            {
              weight: 7,
              arbitrary: fc
                .nat({ max: pool.length - 1 })
                .map((index) => ({ kind: 'call' as const, index })),
            },
            {
              weight: 2,
              arbitrary: fc
                .nat({ max: pool.length - 1 })
                .map((index) => ({ kind: 'call' as const, index, short: true as const })),
            },
            { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
          ),
          // With the accepted call at the end, one call before it is a history.
          { minLength: last === undefined ? 2 : 1, maxLength: 8 },
        )
        .map((steps): History => ({
          pool,
          steps: last === undefined ? steps : [...steps, { kind: 'call', index: last }],
        })),
    );
}

/** How many different ASCII punctuation bytes an input holds: brackets, quotes, separators. */
function punctuationKinds(input: Uint8Array): number {
  const kinds = new Set<number>();
  for (const byte of input) {
    if (byte > 0x20 && byte < 0x7f && !isLetter(byte) && (byte < 0x30 || byte > 0x39)) {
      kinds.add(byte);
    }
  }
  return kinds.size;
}

/**
 * The accepted inputs a history after an edge input ends with: the first known (the author's
 * first sample, or the first that reached new code), the one with the most kinds of
 * punctuation (the most structure: nesting, quoting, fields) and the longest; longest first,
 * so that each later one is shorter than the one before (a tail left by a longer call shows).
 */
function probesAfterEdge(known: readonly Uint8Array[]): CallCase[] {
  if (known.length === 0) return [];
  const most = (score: (input: Uint8Array) => number): Uint8Array =>
    known.reduce((best, input) => (score(input) > score(best) ? input : best));
  const chosen = distinctInputs(
    [known[0]!, most(punctuationKinds), most((input) => input.length)].map(ample),
  );
  return chosen.sort((x, y) => y.input.length - x.input.length);
}

/**
 * Run before the generated histories: every edge input, then accepted inputs, then the edge
 * input again, on one instance. A write past a static array, a parser state left mid-escape,
 * shows only in the calls after the one that caused it, and only in a call the plugin accepts.
 */
function edgeThenAccepted(shape: CallShape, env: CaseEnvironment): History[] {
  const probes = probesAfterEdge(acceptedInputs(shape, env));
  if (probes.length === 0) return [];
  return edgeInputsFor(env, 'ZC-CALL-013').map((input) => {
    const pool = distinctInputs([ample(input), ...probes]);
    // The edge input again at the end: its own result after the others (a heap that took the
    // host's pages, a table it filled) must still be what it was on a fresh instance.
    const steps = [...pool.keys(), 0].map((index) => ({ kind: 'call' as const, index }));
    return { pool, steps };
  });
}

/** Prefixes it tries of each accepted input: at most this many, one per punctuation kind. */
const MAX_CUTS = 8;

/** What opens a quote or a nesting in common formats: left open, a parser stays inside it. */
const OPENERS = [...'"\'([{<'].map((char) => char.charCodeAt(0));

/**
 * Inputs an accepted input gives, cut off in the middle of its structure: cut right after the
 * first of each kind of punctuation byte in it ("x=\"y\"" gives "x=", "x=\""), and its first
 * word (up to the first punctuation byte) and the cut after that byte, each with a quote or a
 * bracket opened and never closed ("x\"", "x=("). Each gets past the checks at the input's
 * start and is rejected late, or accepted with a state left open.
 */
function cutsOf(input: Uint8Array): Uint8Array[] {
  const seen = new Set<number>();
  const cutEnds: number[] = [];
  input.forEach((byte, at) => {
    const punctuation = byte > 0x20 && byte < 0x7f && classOf(byte) === undefined;
    if (!punctuation || seen.has(byte) || at + 1 >= input.length) return;
    seen.add(byte);
    if (cutEnds.length < MAX_CUTS) cutEnds.push(at + 1);
  });
  const first = cutEnds[0];
  if (first === undefined) return [];
  const opened = [first - 1, first].flatMap((end) =>
    OPENERS.map((opener) => Uint8Array.from([...input.subarray(0, end), opener])),
  );
  return [...cutEnds.map((end) => input.slice(0, end)), ...opened.filter((cut) => cut.length > 1)];
}

/**
 * Each of those cut-off inputs (cutsOf), then the whole accepted input, on one instance. A
 * quote, a nesting depth or a field count the parser leaves set on the path that rejected (or
 * stopped early) shows in the next call, whatever the plugin's format: the spec's edge inputs
 * are cut-off forms of common formats; these are of the plugin's own.
 */
function cutThenWhole(shape: CallShape, env: CaseEnvironment): History[] {
  return probesAfterEdge(acceptedInputs(shape, env)).flatMap((whole) =>
    distinctInputs(cutsOf(whole.input).map(ample)).map((cut) => ({
      pool: [cut, whole],
      steps: [
        { kind: 'call' as const, index: 0 },
        { kind: 'call' as const, index: 1 },
      ],
    })),
  );
}

/** How many copies each call of a growing history holds: 1, 2, 4, ... 32. */
const GROWTH = [1, 2, 4, 8, 16, 32];
/** Bytes a growing history's largest input may reach: enough for thousands of lines or words. */
const MAX_GROWN_BYTES = 64 * 1024;

/**
 * Each accepted input repeated 1, 2, 4 ... 32 times, called in that order on one instance, then
 * the first again. A buffer kept between calls and grown only when a call needs more (a line
 * table, a scratch vector) is exercised at every size it must grow to: a size check in the
 * wrong unit (bytes against a count), a growth that forgets to copy, a high-water mark read
 * back by a smaller call, each shows in the call after the one that set it up.
 */
function growingRuns(shape: CallShape, env: CaseEnvironment): History[] {
  if (shape.params) return [];
  const limit = Math.min(MAX_GROWN_BYTES, env.maxInputBytes);
  return probesAfterEdge(acceptedInputs(shape, env)).flatMap(({ input }) => {
    if (input.length === 0) return [];
    // The copies as they are (more items of a binary format), and each ended by a line feed
    // when it is not already (more lines, records or words of a text one).
    const units = input.at(-1) === LF ? [input] : [input, Buffer.concat([input, Buffer.of(LF)])];
    return units.flatMap((unit): History[] => {
      const grown = GROWTH.filter((copies) => copies * unit.length <= limit).map((copies) =>
        ample(Buffer.concat(Array.from({ length: copies }, () => unit))),
      );
      if (grown.length < 2) return [];
      const steps = [...grown.keys(), 0].map((index) => ({ kind: 'call' as const, index }));
      return [{ pool: grown, steps }];
    });
  });
}

const LF = 0x0a;

/** The pool without repeats (two variants can come out the same): each choice a new input. */
function distinctInputs(pool: CallCase[]): CallCase[] {
  // Compared pairwise, not as strings: an input can be larger than a string may be.
  return pool.filter(
    (c, i) => !pool.slice(0, i).some((earlier) => Buffer.compare(earlier.input, c.input) === 0),
  );
}

const label = (index: number): string => String.fromCharCode(65 + index);

const stepLabel = (step: Step): string =>
  step.kind === 'reload'
    ? 'reload'
    : `${label(step.index)}${step.short ? ' (*output_len = 1)' : ''}`;

function describeHistory(history: History): string {
  // Only the inputs the steps call: a shrunk history leaves some of its pool unused.
  const called = new Set(history.steps.map((step) => (step.kind === 'call' ? step.index : -1)));
  const inputs = history.pool.flatMap((c, i) =>
    called.has(i) ? [`${label(i)} = ${describeCase(c, undefined)}`] : [],
  );
  const steps = history.steps.map(stepLabel);
  return `calls on one instance: ${steps.join(', ')}; ${inputs.join('; ')}`;
}

/**
 * Model-based: a random history of calls (inputs that collide on length, first byte, bytes,
 * prefix or header, a smaller input of the same format after a bigger one, an edge input
 * before two generated ones, repeats, and reloads through cleanup and init) runs on one
 * instance, and every call's result is compared with the same call on a fresh instance, the
 * oracle. A cache or scratch
 * buffer keyed on part of the input returns a stale or mixed result only after the right calls;
 * fast-check shrinks the history to the shortest one that shows it.
 */
export default defineCheck('ZC-CALL-013', (ctx) =>
  checkCallProperty<History>(ctx, {
    runs: (configured) => Math.max(10, configured),
    arbitrary: historyArbitrary,
    examples: (shape, env) => [
      ...edgeThenAccepted(shape, env),
      ...cutThenWhole(shape, env),
      ...growingRuns(shape, env),
    ],
    check: (session, shape, history, env): CaseVerdict => {
      const run = (plugin: PluginInstance, testCase: CallCase): CallResult =>
        callResultOf(
          runCallCase(plugin, shape, testCase, env.maxInputBytes),
          shape,
          plugin.lastCall,
        );
      let shared = session.fresh();
      // Until its first call, the shared instance is a fresh one: that call is its own oracle.
      let sharedIsFresh = true;
      const done: string[] = [];
      for (const step of history.steps) {
        if (step.kind === 'reload') {
          if (shared.hasFunction('cleanup')) shared.call('cleanup');
          shared = session.fresh();
          sharedIsFresh = true;
          done.push('reload');
          continue;
        }
        const pooled = history.pool[step.index]!;
        const testCase = step.short ? short(pooled) : pooled;
        const got = run(shared, testCase);
        const fresh = freshResults(session);
        const want =
          fresh.get(testCase) ?? (sharedIsFresh ? got : run(freshFor(session), testCase));
        sharedIsFresh = false;
        fresh.set(testCase, want);
        // A call that traps only after others (a table they left too small, a heap they
        // corrupted) is this rule's finding; one that traps on a fresh instance too is
        // ZC-CALL-002's, and a call the host stopped is judged by the rule that stops it.
        if (got.outcome.kind === 'trapped' && want.code !== undefined && done.length > 0) {
          return {
            kind: 'violation',
            expected: `\`${shape.exportName}\`(${stepLabel(step)}) gives what it gives on a fresh instance: ${describeResult(want, ctx.spec)}`,
            found: `on one instance after ${done.join(', ')}, \`${shape.exportName}\`(${stepLabel(step)}) trapped (${got.outcome.message}): the calls before it left the instance broken`,
          };
        }
        if (got.code === undefined || want.code === undefined) {
          return { kind: 'inconclusive', why: 'a call did not return' };
        }
        if (!sameResult(got, want)) {
          if (got.nondeterministic || want.nondeterministic) {
            // A clock or random_get read explains the difference: that is ZC-CALL-012's.
            return { kind: 'inconclusive', why: 'reads the clock or random_get', allowed: true };
          }
          const before = done.length === 0 ? 'as its first call' : `after ${done.join(', ')}`;
          return {
            kind: 'violation',
            expected: `\`${shape.exportName}\`(${stepLabel(step)}) gives what it gives on a fresh instance: ${describeResult(want, ctx.spec)}`,
            found: `on one instance ${before}, \`${shape.exportName}\`(${stepLabel(step)}) ${describeResult(got, ctx.spec)}; ${describeResultDifference(want, got)}`,
          };
        }
        done.push(stepLabel(step));
      }
      return OK;
    },
    describe: (_shape, history) => describeHistory(history),
  }),
);

/**
 * Fresh-instance results by case, for one session (one export's run): the oracle. The
 * accepted and edge inputs many histories share get theirs once. The host is deterministic, so
 * a fresh instance gives the same result every time (a clock read is flagged either way).
 */
const freshResultsBySession = new WeakMap<PluginSession, WeakMap<CallCase, CallResult>>();

function freshResults(session: PluginSession): WeakMap<CallCase, CallResult> {
  let results = freshResultsBySession.get(session);
  if (!results) freshResultsBySession.set(session, (results = new WeakMap()));
  return results;
}

/** The oracle's own instance: a fresh one for every distinct input. */
const freshFor = (session: PluginSession): PluginInstance => session.fresh();
