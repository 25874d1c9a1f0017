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
 */
const SERIES = {
  large: { calls: 200, minBytes: 1024, maxBytes: 16 * 1024 },
  small: { calls: 16384 },
} as const;
const SMALL_INPUT_BYTES = 256;

/**
 * One call of the series; only memory is measured, so no guard checks or output copies (the
 * rules about writes and outputs judge those). The host takes buffers from a plugin's `alloc`
 * for every call, and frees them after: so does the series, so that a `dealloc` that keeps
 * blocks shows here too. Without `alloc` the host's buffers stay where it put them (pages it
 * grew), as between a host's calls: the buffers are placed once and the export called again.
 */
function seriesCall(
  plugin: PluginInstance,
  shape: CallShape,
  testCase: CallCase,
  maxInputBytes: number,
): (index: number) => boolean {
  const ample = ampleCapacity(shape, testCase.input.length);
  if (shape.sizing !== 'capacity-cell') {
    return () =>
      runCallCase(plugin, shape, testCase, maxInputBytes).main.outcome.kind === 'returned';
  }
  /** Ample room on even calls, none on odd ones (the -3 path). */
  const capacityOf = (index: number): number => (index % 2 === 0 ? ample : 0);
  const placeEachCall = (index: number): boolean =>
    callWithCapacity(plugin, shape, testCase.input, capacityOf(index), testCase.placement, {
      keepOutput: false,
    }).outcome.kind === 'returned';
  if (arenaSourceFor(plugin).useAlloc) return placeEachCall;
  const placed = placeResident(plugin, shape, { input: testCase.input }, ample);
  if (!placed.ok) return placeEachCall;
  const { args, cellAddress } = placed.resident;
  const memory = plugin.memory!;
  // memory.grow replaces the buffer: the view is renewed only then, not made for every call.
  let cells = new DataView(memory.buffer);
  return (index) => {
    if (cells.buffer !== memory.buffer) cells = new DataView(memory.buffer);
    cells.setUint32(cellAddress!, capacityOf(index), true);
    return plugin.call(shape.exportName, args, testCase.input.length).kind === 'returned';
  };
}

interface LeakCase extends CallCase {
  /** Calls measured after warm-up, all with the same case. */
  calls: number;
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
      const small = cases
        .filter((c) => c.input.length <= SMALL_INPUT_BYTES)
        .map((c) => ({ ...c, calls: SERIES.small.calls }));
      return fc.oneof(large, small);
    },
    // Two small series on fixed inputs first, the spec's first two small edge inputs (a space,
    // spaces only): whichever kinds of series the generated cases draw, one of each path is
    // repeated.
    examples: (shape, env, ruleId) =>
      shape.params
        ? []
        : edgeInputsFor(env, ruleId)
            .filter((input) => input.length <= SMALL_INPUT_BYTES)
            .slice(0, 2)
            .map((input) => ({
              input,
              placement: DEFAULT_PLACEMENT,
              capacity: { kind: 'ample' as const },
              calls: SERIES.small.calls,
            })),
    check: (session, shape, testCase, env): CaseVerdict => {
      const plugin = session.fresh();
      const call = seriesCall(plugin, shape, testCase, env.maxInputBytes);
      for (let i = 0; i < WARM_UP_CALLS; i++)
        if (!call(i)) return { kind: 'inconclusive', why: 'trapped' };
      const before = plugin.memoryBytes;
      // The series ends as soon as the growth says enough: a fast leak is a leak long before
      // it reaches the memory limit (where it would be a memory bomb's, ZC-CALL-003).
      let calls = 0;
      while (calls < testCase.calls && plugin.memoryBytes - before <= PAGE) {
        if (!call(calls)) return { kind: 'inconclusive', why: 'trapped' };
        calls++;
      }
      const grown = plugin.memoryBytes - before;
      if (grown <= PAGE) return OK;
      return {
        kind: 'violation',
        expected: `memory stops growing after ${WARM_UP_CALLS} warm-up calls (at most 1 page more)`,
        found: `${calls} more calls of this case (every other one with no room, getting -3) grew memory by ${grown / PAGE} pages (${Math.round(grown / calls)} bytes per call)`,
      };
    },
    describe: (_shape, testCase) =>
      `${describeCase(testCase, undefined)}, repeated ${WARM_UP_CALLS} + ${testCase.calls} times, every other time with no room`,
  }),
);
