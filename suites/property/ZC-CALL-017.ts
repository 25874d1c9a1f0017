import { outputFillFor, type Surroundings } from '../../src/abi/buffer-layout.js';
import { runCallCase, type CallCase } from '../../src/abi/call-case.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { defineCheck } from '../../src/check/define-check.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import {
  callResultOf,
  describeResult,
  describeResultDifference,
  type CallResult,
} from '../_internals/call-result.js';

/**
 * Each case twice, on two fresh instances that differ only in what surrounds the buffers: the
 * guard bytes and the output's initial fill, as is and inverted. Same clock, same seed, same
 * history: a different result means the call read memory outside its input.
 */
const STANDARD_FILL = outputFillFor('standard');
const INVERTED_FILL = outputFillFor('inverted');

/** Whether every differing byte is one the call never wrote: ZC-CALL-014's bug, not a read. */
function onlyUnwrittenBytesDiffer(standard: CallResult, inverted: CallResult): boolean {
  if (standard.bytes.length !== inverted.bytes.length) return false;
  for (let i = 0; i < standard.bytes.length; i++) {
    if (standard.bytes[i] === inverted.bytes[i]) continue;
    if (standard.bytes[i] !== STANDARD_FILL || inverted.bytes[i] !== INVERTED_FILL) return false;
  }
  return true;
}

export default defineCheck('ZC-CALL-017', (ctx) =>
  checkCallProperty<CallCase>(ctx, {
    arbitrary: (shape, env) =>
      callCaseArbitrary(shape, env, ['apart', 'output-first']).map((c) => ({
        ...c,
        capacity: { kind: 'ample' as const },
      })),
    check: (session, shape, testCase, env): CaseVerdict => {
      const run = (plugin: PluginInstance, surroundings: Surroundings): CallResult =>
        callResultOf(
          runCallCase(plugin, shape, testCase, env.maxInputBytes, { surroundings }),
          shape,
          plugin.lastCall,
        );
      const standard = run(session.fresh(), 'standard');
      const inverted = run(session.fresh(), 'inverted');
      if (standard.code === undefined || inverted.code === undefined) {
        return { kind: 'inconclusive', why: 'a call did not return' };
      }
      if (standard.code === inverted.code && standard.count === inverted.count) {
        if (Buffer.compare(standard.bytes, inverted.bytes) === 0) return OK;
        if (onlyUnwrittenBytesDiffer(standard, inverted)) {
          return {
            kind: 'inconclusive',
            why: 'only bytes the call did not write differ (ZC-CALL-014)',
            allowed: true,
          };
        }
      }
      return {
        kind: 'violation',
        expected: `the same result whatever surrounds the buffers: ${describeResult(standard, ctx.spec)}`,
        found: `with every guard byte and output byte inverted before the call, \`${shape.exportName}\` ${describeResult(inverted, ctx.spec)}; ${describeResultDifference(standard, inverted)}: the call read memory outside its input`,
      };
    },
    describe: (_shape, testCase) => describeCase(testCase, undefined),
  }),
);
