import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { hasCapacityCell } from '../../src/abi/call-shape.js';
import { belowNeededArbitrary } from '../../src/property/arbitraries/capacity.js';
import {
  ONE_SHORT,
  allowedInconclusive,
  returnCode,
  singleCallProperty,
  writtenBytes,
} from '../_internals/single-call.js';
import { describeOutcome } from '../_internals/describe.js';

export default defineCheck('ZC-CALL-010', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      edgeCapacities: ONE_SHORT,
      layouts: 'aligned',
      appliesTo: hasCapacityCell,
      capacity: belowNeededArbitrary,
      keepProbeOutput: true,
      judge: (run, { shape, rerun }) => {
        // Only a -3 can be judged here; returning something else is ZC-CALL-009's failure.
        if (returnCode(run) !== -3 || !run.needed || !run.probe) {
          return allowedInconclusive('the call did not return -3');
        }
        const stored = run.main.cellAfter;
        if (stored !== run.needed) {
          return {
            kind: 'violation',
            expected: `after -3, *output_len = ${run.needed} (what the ample-capacity call wrote)`,
            found: `*output_len = ${stored}`,
          };
        }
        const retry = rerun({ capacity: { kind: 'exact' } });
        const ample = writtenBytes({ ...run, main: run.probe }, shape);
        const retried = writtenBytes(retry, shape);
        if (
          returnCode(retry) === 0 &&
          retry.main.cellAfter === stored &&
          Buffer.compare(ample, retried) === 0
        ) {
          return OK;
        }
        // Different bytes from a nondeterministic plugin are ZC-CALL-012's failure, not this one.
        // Two repeats, so that a plugin with a few bits of randomness rarely passes as stable.
        for (let repeat = 0; repeat < 2; repeat++) {
          const ampleAgain = rerun({ capacity: { kind: 'ample' } });
          if (Buffer.compare(writtenBytes(ampleAgain, shape), ample) !== 0) {
            return { kind: 'inconclusive', why: 'nondeterministic' };
          }
        }
        return {
          kind: 'violation',
          expected: `a retry with capacity ${stored} returns 0 with the ${ample.length} bytes of the ample-capacity call`,
          found:
            retry.main.outcome.kind === 'returned'
              ? `the retry returned ${returnCode(retry)} with *output_len ${retry.main.cellAfter}${returnCode(retry) === 0 ? ' and different bytes' : ''}`
              : describeOutcome('the retry', retry.main.outcome),
        };
      },
    }),
  ),
);
