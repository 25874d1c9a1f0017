import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { runCallCase, type CallCase } from '../../src/abi/call-case.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { defineCheck } from '../../src/check/define-check.js';
import type { CallStats, PluginInstance } from '../../src/host/plugin-instance.js';
import { DEFAULT_CLOCK_START_NS } from '../../src/host/wasi-preview1.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import {
  callResultOf,
  describeResult,
  describeResultDifference,
  sameResult,
} from '../_internals/call-result.js';
import { edgeCallCases } from '../_internals/single-call.js';

/**
 * How far the other instance's clock is moved (about 2.6 years). None of its bytes is 0x00 or
 * 0xff, so every byte of every timestamp differs between the two instances, carries or not: a
 * whole number of days would leave the low 16 bits alone.
 */
const CLOCK_SHIFT_NS = 0x0123_4567_89ab_cdefn;

/**
 * The other instance's clock step (about 4.9 s a read, where the first moves 1 ms): a duration
 * the plugin measures (a timing trailer, a "took N µs" field) differs too, not only a timestamp.
 */
const OTHER_CLOCK_STEP_NS = 0x01_2345_6789n;

/** `it read the clock 2 times and called random_get once`: why two results may differ. */
function sources(stats: CallStats): string | undefined {
  const reads = [
    stats.clockReads
      ? `read the clock ${stats.clockReads === 1 ? 'once' : `${stats.clockReads} times`}`
      : '',
    stats.randomReads
      ? `called random_get ${stats.randomReads === 1 ? 'once' : `${stats.randomReads} times`}`
      : '',
  ].filter(Boolean);
  return reads.length > 0 ? reads.join(' and ') : undefined;
}

/**
 * The same call on two fresh instances whose clock and randomness differ (another start time,
 * another step between reads, another random seed) gives the same result. State kept between calls is ZC-CALL-013's; this
 * rule is about what the host's clock and random_get make of the output, and says which the
 * call read.
 */
export default defineCheck('ZC-CALL-012', (ctx) =>
  checkCallProperty<CallCase>(ctx, {
    runs: (configured) => Math.max(10, Math.ceil(configured / 4)),
    arbitrary: (shape, env) =>
      callCaseArbitrary(shape, env, ['apart']).map((c) => ({
        ...c,
        placement: DEFAULT_PLACEMENT,
        capacity: { kind: 'ample' as const },
      })),
    examples: (shape, env, ruleId) => edgeCallCases(shape, env, 'aligned', ruleId),
    check: (session, shape, testCase, env): CaseVerdict => {
      const run = (plugin: PluginInstance) => {
        const result = callResultOf(
          runCallCase(plugin, shape, testCase, env.maxInputBytes),
          shape,
          plugin.lastCall,
        );
        return { result, stats: plugin.lastCall };
      };
      const first = run(session.fresh());
      const other = run(
        session.fresh({
          randomSeed: ctx.seed ^ 0x5a5a5a5a,
          clockStartNs: DEFAULT_CLOCK_START_NS + CLOCK_SHIFT_NS,
          clockStepNs: OTHER_CLOCK_STEP_NS,
        }),
      );
      if (first.result.code === undefined || other.result.code === undefined) {
        return { kind: 'inconclusive', why: 'a call did not return' };
      }
      if (sameResult(first.result, other.result)) return OK;
      const why = sources(other.stats) ?? sources(first.stats);
      return {
        kind: 'violation',
        expected: `the same result on every instance: ${describeResult(first.result, ctx.spec)}`,
        found: `on an instance with another clock and random seed, \`${shape.exportName}\` ${describeResult(other.result, ctx.spec)}; ${describeResultDifference(first.result, other.result)}${why ? `; the call ${why}` : ''}`,
      };
    },
    describe: (_shape, testCase) => describeCase(testCase, undefined),
  }),
);
