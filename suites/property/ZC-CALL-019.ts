import fc from 'fast-check';
import { runCallCase, type CallCase } from '../../src/abi/call-case.js';
import { hasCapacityCell, type CallShape } from '../../src/abi/call-shape.js';
import { describeCapacity, type CapacityChoice } from '../../src/abi/capacity.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { defineCheck } from '../../src/check/define-check.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import { caseCodeOf } from '../../src/property/census.js';
import {
  callResultOf,
  describeResult,
  describeResultDifference,
  sameResult,
  type CallResult,
} from '../_internals/call-result.js';
import { TIGHT_FITS, edgeCallCases } from '../_internals/single-call.js';

/**
 * Exactly the needed size most often (what a host retrying after -3 passes), else a few
 * elements above it: a store rounded up to a word, or a terminator written one past the end,
 * lands there.
 */
const FITTING: fc.Arbitrary<CapacityChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'exact' as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('above' as const),
      extra: fc.integer({ min: 1, max: 16 }),
    }),
  },
);

/** Elements above the needed size a case's capacity asks for. */
const extraOf = (choice: CapacityChoice): number => (choice.kind === 'above' ? choice.extra : 0);

// The ample-capacity call says what the output is; the same call at the needed size (or a few
// elements above it) must say the same. Both run on fresh instances, so neither sees the
// other's history, and a second ample call tells a plugin that answers differently each time
// (ZC-CALL-012's failure) from one whose answer depends on the room it was given.
export default defineCheck('ZC-CALL-019', (ctx) =>
  checkCallProperty<CallCase>(ctx, {
    appliesTo: hasCapacityCell,
    arbitrary: (shape, env) =>
      callCaseArbitrary(shape, env, ['apart']).chain((c) =>
        FITTING.map((capacity) => ({ ...c, capacity })),
      ),
    examples: (shape, env, ruleId) => edgeCallCases(shape, env, 'aligned', ruleId, TIGHT_FITS),
    check: (session, shape, testCase, env): CaseVerdict => {
      const run = (plugin: PluginInstance, capacity: CapacityChoice): CallResult =>
        callResultOf(
          runCallCase(plugin, shape, { ...testCase, capacity }, env.maxInputBytes),
          shape,
          plugin.lastCall,
        );
      const ample = run(session.fresh(), { kind: 'ample' });
      session.record(caseCodeOf(ample.outcome));
      if (ample.code === undefined) return { kind: 'inconclusive', why: 'a call did not return' };
      if (ample.code === -3) {
        return {
          kind: 'inconclusive',
          why: 'the output does not fit the ample capacity',
          allowed: true,
        };
      }
      if (ample.code !== 0 || ample.count === undefined) {
        return { kind: 'inconclusive', why: 'input rejected', allowed: true };
      }
      const capacity = ample.count + extraOf(testCase.capacity);
      const fitted = run(session.fresh(), { kind: 'named', elements: capacity });
      if (sameResult(ample, fitted)) return OK;
      if (fitted.code === undefined) return { kind: 'inconclusive', why: 'a call did not return' };
      // -3 where the output fits is ZC-CALL-015's failure.
      if (fitted.code === -3) {
        return {
          kind: 'inconclusive',
          why: '-3 where the output fits (ZC-CALL-015)',
          allowed: true,
        };
      }
      if (!sameResult(ample, run(session.fresh(), { kind: 'ample' }))) {
        return { kind: 'inconclusive', why: 'nondeterministic' };
      }
      return {
        kind: 'violation',
        expected: `with capacity ${capacity} (${describeRoom(shape, testCase.capacity)}), the result of the ample-capacity call: ${describeResult(ample, ctx.spec)}`,
        found: `\`${shape.exportName}\` ${describeResult(fitted, ctx.spec)}; ${describeResultDifference(ample, fitted)}: the output depends on the room it was given`,
      };
    },
    inputOf: (testCase) => testCase.input,
    describe: (_shape, testCase) =>
      `${describeCase(testCase, undefined)}; capacity: ${describeCapacity(testCase.capacity)}`,
  }),
);

function describeRoom(shape: CallShape, choice: CapacityChoice): string {
  const extra = extraOf(choice);
  const unit = shape.elementBytes === 1 ? 'byte' : 'element';
  return extra === 0
    ? 'exactly the needed size'
    : `the needed size and ${extra} ${unit}${extra === 1 ? '' : 's'} more`;
}
