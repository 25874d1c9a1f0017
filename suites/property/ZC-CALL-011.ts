import fc from 'fast-check';
import { defineCheck } from '../../src/check/define-check.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
import { expandBytes } from '../../src/generators/seeded-bytes.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { callWithCapacity, runCallCase, type CallCase } from '../../src/abi/call-case.js';
import { ampleCapacity } from '../../src/abi/capacity.js';
import { WASM_PAGE_BYTES as PAGE } from '../../src/wasm/page.js';
import { arenaSourceFor } from '../../src/abi/arena.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { placeResident } from '../../src/abi/resident-call.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { edgeInputsFor } from '../_internals/single-call.js';

const WARM_UP_CALLS = 16;

/**
 * Two ways a leak shows as growth that goes on after warm-up. A leak the size of the input
 * (a forgotten Vec or copy) adds pages within a few hundred calls of a few KiB each. A small
 * fixed leak (a context struct malloc'd and never freed: tens of bytes a call) needs thousands
 * of calls to fill a page: those series use small inputs, the generator's own (format shapes,
 * explored and corpus inputs among them, so a plugin with a narrow format leaks where it
 * succeeds), at most SMALL_INPUT_BYTES, so that they stay cheap. Every other call of a series
 * gives no room for the output, so that the -3 path is repeated as often as the success path:
 * a buffer freed on success but not before returning -3 leaks only there.
 *
 * A third kind repeats no input: a memo of every input it has seen (a HashMap that never
 * evicts) serves a repeated input without growing, and grows by an entry for each new one.
 * Its calls give the case's input with the call's number written into it, so that all are
 * different and all have one length (no allocator growth from sizes). A bounded cache is
 * allowed: the first half of the series may fill it, and only the second half must stay
 * within one page.
 */
const SERIES = {
  large: { calls: 200, minBytes: 1024, maxBytes: 16 * 1024 },
  small: { calls: 16384 },
  distinct: { calls: 8192 },
  /** The edge inputs past SMALL_INPUT_BYTES (a page and more, 1 MiB of lines): a path taken
   * only for large inputs (a table regrown past a fixed size) leaks only there. */
  edge: { calls: 16 },
} as const;
/** Digits of a distinct series' call number, fixed so that every input has one length. */
const NUMBER_DIGITS = String(WARM_UP_CALLS + SERIES.distinct.calls - 1).length;
const SMALL_INPUT_BYTES = 256;
/** A series' share of the rule's work budget, and the calls it makes after warm-up however
 * costly they are. */
const SERIES_WORK_SHARE = 1 / 8;
const MIN_SERIES_CALLS = 32;

/** The example distinct series' input before its number: digits, which most formats take, and
 * long enough (32 bytes with the number) that a memo keeping it retains a page in 2048 calls. */
const DISTINCT_BASE = new TextEncoder().encode('3141592653589793238462643383');
const numberLabel = (index: number): string => String(index).padStart(NUMBER_DIGITS, '0');

/** The input of a distinct series' call: the case's input with the call's number in it, before
 * a final newline if it has one (a line-based format stays line-based). */
function numberedInput(base: Uint8Array, index: number): Uint8Array {
  const digits = new TextEncoder().encode(numberLabel(index));
  const at = base.length > 0 && base[base.length - 1] === 0x0a ? base.length - 1 : base.length;
  const input = new Uint8Array(base.length + digits.length);
  input.set(base.subarray(0, at));
  input.set(digits, at);
  input.set(base.subarray(at), at + digits.length);
  return input;
}

/**
 * One call of the series; only memory is measured, so no guard checks or output copies (the
 * rules about writes and outputs judge those). The host takes buffers from a plugin's `alloc`
 * for every call, and frees them after: so does the series, so that a `dealloc` that keeps
 * blocks shows here too. Without `alloc` the host's buffers stay where it put them (pages it
 * grew), as between a host's calls: the buffers are placed once and the export called again,
 * with a distinct series' input rewritten in place (its inputs all have one length).
 */
function seriesCall(
  plugin: PluginInstance,
  shape: CallShape,
  testCase: LeakCase,
  maxInputBytes: number,
): (index: number) => boolean {
  const inputOf = testCase.distinct
    ? (index: number) => numberedInput(testCase.input, index)
    : () => testCase.input;
  const first = inputOf(0);
  const ample = ampleCapacity(shape, first.length);
  if (shape.sizing !== 'capacity-cell') {
    return (index) =>
      runCallCase(plugin, shape, { ...testCase, input: inputOf(index) }, maxInputBytes).main.outcome
        .kind === 'returned';
  }
  /** Ample room on even calls, none on odd ones (the -3 path); a distinct series has room always. */
  const capacityOf = (index: number): number => (index % 2 === 0 || testCase.distinct ? ample : 0);
  const placeEachCall = (index: number): boolean =>
    callWithCapacity(plugin, shape, inputOf(index), capacityOf(index), testCase.placement, {
      keepOutput: false,
    }).outcome.kind === 'returned';
  if (arenaSourceFor(plugin).useAlloc) return placeEachCall;
  const placed = placeResident(plugin, shape, { input: first }, ample);
  if (!placed.ok) return placeEachCall;
  const { args, cellAddress } = placed.resident;
  const inputAddress = args[shape.roles.indexOf('input-ptr')]!;
  const memory = plugin.memory!;
  // memory.grow replaces the buffer: the view is renewed only then, not made for every call.
  let cells = new DataView(memory.buffer);
  return (index) => {
    if (cells.buffer !== memory.buffer) cells = new DataView(memory.buffer);
    cells.setUint32(cellAddress!, capacityOf(index), true);
    if (testCase.distinct) new Uint8Array(memory.buffer).set(inputOf(index), inputAddress);
    return plugin.call(shape.exportName, args, first.length).kind === 'returned';
  };
}

interface LeakCase extends CallCase {
  /** Calls measured after warm-up, all with the same case (or its numbered inputs). */
  calls: number;
  /** Each call's input is the case's with the call's number in it: no input is repeated. */
  distinct?: boolean;
}

export default defineCheck('ZC-CALL-011', (ctx) =>
  checkCallProperty<LeakCase>(ctx, {
    runs: (configured) => Math.max(3, Math.ceil(configured / 20)),
    arbitrary: (shape, env) => {
      const cases = callCaseArbitrary(shape, env, ['apart']).map((c) => ({
        ...c,
        placement: DEFAULT_PLACEMENT,
        capacity: { kind: 'ample' as const },
      }));
      if (shape.params) return cases.map((c) => ({ ...c, calls: SERIES.large.calls }));
      const size = Math.min(env.maxInputBytes, SERIES.large.maxBytes);
      const large = fc
        .tuple(
          cases,
          fc.integer({ min: SERIES.large.minBytes, max: Math.max(SERIES.large.minBytes, size) }),
          fc.nat(),
          fc.boolean(),
        )
        .map(([c, length, seed, text]) => ({
          ...c,
          input: expandBytes(Math.min(length, env.maxInputBytes), seed, text),
          calls: SERIES.large.calls,
        }));
      const smallCases = cases.filter((c) => c.input.length <= SMALL_INPUT_BYTES);
      const small = smallCases.map((c) => ({ ...c, calls: SERIES.small.calls }));
      const distinct = smallCases.map((c) => ({
        ...c,
        calls: SERIES.distinct.calls,
        distinct: true,
      }));
      return fc.oneof(large, small, distinct);
    },
    // Two small series on fixed inputs first, the spec's first two small edge inputs (a space,
    // spaces only): whichever kinds of series the generated cases draw, one of each path is
    // repeated.
    // A distinct series of numbers follows them, then the large edge inputs, a few times each.
    examples: (shape, env, ruleId) =>
      shape.params
        ? []
        : [
            ...edgeInputsFor(env, ruleId)
              .filter((input) => input.length <= SMALL_INPUT_BYTES)
              .slice(0, 2)
              .map((input) => ({ input, calls: SERIES.small.calls })),
            { input: DISTINCT_BASE, calls: SERIES.distinct.calls, distinct: true },
            ...edgeInputsFor(env, ruleId)
              .filter((input) => input.length > SMALL_INPUT_BYTES)
              .map((input) => ({ input, calls: SERIES.edge.calls })),
          ].map((series) => ({
            ...series,
            placement: DEFAULT_PLACEMENT,
            capacity: { kind: 'ample' as const },
          })),
    check: (session, shape, testCase, env): CaseVerdict => {
      const plugin = session.fresh();
      const call = seriesCall(plugin, shape, testCase, env.maxInputBytes);
      const workBefore = session.work.spent;
      for (let i = 0; i < WARM_UP_CALLS; i++)
        if (!call(i)) return { kind: 'inconclusive', why: 'trapped' };
      // The warm-up's work says what a call costs: a slow plugin's series is as long as fits
      // in its share of the rule's work budget (the same length on any machine).
      const perCall = (session.work.spent - workBefore) / WARM_UP_CALLS;
      const seriesCalls = session.work.callsFitting(
        perCall,
        SERIES_WORK_SHARE,
        MIN_SERIES_CALLS,
        testCase.calls,
      );
      // A distinct series' first half may fill a bounded cache; growth is counted after it.
      const unmeasured = testCase.distinct ? Math.floor(seriesCalls / 2) : 0;
      for (let i = 0; i < unmeasured; i++)
        if (!call(WARM_UP_CALLS + i)) return { kind: 'inconclusive', why: 'trapped' };
      const before = plugin.memoryBytes;
      // The series ends as soon as the growth says enough: a fast leak is a leak long before
      // it reaches the memory limit (where it would be a memory bomb's, ZC-CALL-003).
      let calls = 0;
      while (unmeasured + calls < seriesCalls && plugin.memoryBytes - before <= PAGE) {
        if (!call(WARM_UP_CALLS + unmeasured + calls))
          return { kind: 'inconclusive', why: 'trapped' };
        calls++;
      }
      const grown = plugin.memoryBytes - before;
      if (grown <= PAGE) return OK;
      const growth = `grew memory by ${grown / PAGE} pages (${Math.round(grown / calls)} bytes per call)`;
      if (testCase.distinct)
        return {
          kind: 'violation',
          expected: `memory stops growing over a series of different inputs, once the first ${unmeasured} have filled any bounded cache (at most 1 page more after them)`,
          found: `${calls} more calls, each with an input not seen before, ${growth}: a cache or memo that keeps every input grows with the stream`,
        };
      return {
        kind: 'violation',
        expected: `memory stops growing after ${WARM_UP_CALLS} warm-up calls (at most 1 page more)`,
        found: `${calls} more calls of this case (every other one with no room, getting -3) ${growth}`,
      };
    },
    describe: (_shape, testCase) =>
      testCase.distinct
        ? `${describeCase(testCase, undefined)}, with the call's number written into it (${numberLabel(0)}, ${numberLabel(1)}, ...), ${WARM_UP_CALLS + testCase.calls} calls, each input different`
        : `${describeCase(testCase, undefined)}, repeated ${WARM_UP_CALLS} + ${testCase.calls} times, every other time with no room`,
  }),
);
