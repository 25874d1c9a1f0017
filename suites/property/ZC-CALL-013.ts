import fc from 'fast-check';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { runCallCase, type CallCase } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { defineCheck } from '../../src/check/define-check.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
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

/** A step of a history: call the pool's input `index`, or unload and load the plugin again. */
type Step = { kind: 'call'; index: number } | { kind: 'reload' };

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
    ...[sameLength, sameFirstByte, swapFirstPair(input), prefix]
      .filter((bytes) => Buffer.compare(bytes, input) !== 0)
      .map((bytes) => ({ ...base, input: bytes })),
  ];
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

/** The class rotateClass moves a byte within (its first byte: a, A or 0); none for the rest. */
const classOf = (byte: number): number | undefined =>
  rotateClass(byte) === byte ? undefined : byte >= 0x61 ? 0x61 : byte >= 0x41 ? 0x41 : 0x30;

function historyArbitrary(shape: CallShape, env: Parameters<typeof callCaseArbitrary>[1]) {
  const headerSizes =
    shape.exportName === 'process' ? env.processInputs.map(({ header }) => header.size) : [];
  const one = callCaseArbitrary(shape, env, ['apart']).map((c) => ({
    ...c,
    placement: DEFAULT_PLACEMENT,
    capacity: { kind: 'ample' as const },
  }));
  // The spec's edge inputs as a history's first input: a lone escape, an unclosed nesting,
  // a cut-off string leave a parser's state where the next, ordinary call trips on it.
  const edges = shape.params ? [] : edgeInputsFor(env, 'ZC-CALL-013');
  const edge = (index: number): CallCase => ({
    input: edges[index % edges.length]!,
    placement: DEFAULT_PLACEMENT,
    capacity: { kind: 'ample' },
  });
  // Half the histories are of colliding variants: a cache shows only when a variant follows
  // the input it collides with.
  const kind = fc.oneof(
    { weight: 1, arbitrary: fc.constant('independent' as const) },
    { weight: 2, arbitrary: fc.constant('colliding' as const) },
    ...(edges.length > 0 ? [{ weight: 1, arbitrary: fc.constant('after-edge' as const) }] : []),
  );
  return fc
    .tuple(one, one, kind, fc.nat())
    .map(([a, b, kind, edgeIndex]) => {
      if (kind === 'independent') return [a, b];
      if (kind === 'after-edge') return [edge(edgeIndex), a, b];
      const smaller = smallerCase(a, shape, env);
      const variants = [...(smaller ? [smaller] : []), ...collidingVariants(a, headerSizes)];
      return distinctInputs([a, ...variants]).slice(0, 5);
    })
    .chain((pool) =>
      fc
        .array(
          fc.oneof(
            {
              weight: 9,
              arbitrary: fc
                .nat({ max: pool.length - 1 })
                .map((index) => ({ kind: 'call' as const, index })),
            },
            { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
          ),
          { minLength: 2, maxLength: 8 },
        )
        .map((steps): History => ({ pool, steps })),
    );
}

/** The pool without repeats (two variants can come out the same): each choice a new input. */
function distinctInputs(pool: CallCase[]): CallCase[] {
  // Compared pairwise, not as strings: an input can be larger than a string may be.
  return pool.filter(
    (c, i) => !pool.slice(0, i).some((earlier) => Buffer.compare(earlier.input, c.input) === 0),
  );
}

const label = (index: number): string => String.fromCharCode(65 + index);

function describeHistory(history: History): string {
  const inputs = history.pool.map((c, i) => `${label(i)} = ${describeCase(c, undefined)}`);
  const steps = history.steps.map((step) =>
    step.kind === 'reload' ? 'reload' : label(step.index),
  );
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
    check: (session, shape, history, env): CaseVerdict => {
      const oracle = new Map<number, CallResult>();
      const run = (plugin: PluginInstance, testCase: CallCase): CallResult =>
        callResultOf(
          runCallCase(plugin, shape, testCase, env.maxInputBytes),
          shape,
          plugin.lastCall,
        );
      let shared = session.fresh();
      const done: string[] = [];
      for (const step of history.steps) {
        if (step.kind === 'reload') {
          if (shared.hasFunction('cleanup')) shared.call('cleanup');
          shared = session.fresh();
          done.push('reload');
          continue;
        }
        const testCase = history.pool[step.index]!;
        const got = run(shared, testCase);
        const want = oracle.get(step.index) ?? run(freshFor(session), testCase);
        oracle.set(step.index, want);
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
            expected: `\`${shape.exportName}\`(${label(step.index)}) gives what it gives on a fresh instance: ${describeResult(want, ctx.spec)}`,
            found: `on one instance ${before}, \`${shape.exportName}\`(${label(step.index)}) ${describeResult(got, ctx.spec)}; ${describeResultDifference(want, got)}`,
          };
        }
        done.push(label(step.index));
      }
      return OK;
    },
    describe: (_shape, history) => describeHistory(history),
  }),
);

/** The oracle's own instance: a fresh one for every distinct input. */
const freshFor = (session: PluginSession): PluginInstance => session.fresh();
