import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { hasCapacityCell } from '../../src/abi/call-shape.js';
import { belowNeededArbitrary } from '../../src/property/arbitraries/capacity.js';
import { inconclusive, returnCode, singleCallProperty } from '../_internals/single-call.js';

export default defineCheck('ZC-CALL-009', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: 'aligned',
      appliesTo: hasCapacityCell,
      capacity: belowNeededArbitrary,
      judge: (run) => {
        if (run.needed === undefined || run.needed === 0) {
          return {
            kind: 'inconclusive',
            why: 'no output needed, or the ample call did not succeed',
          };
        }
        if (run.main.outcome.kind !== 'returned') return inconclusive(run.main.outcome);
        const code = returnCode(run);
        if (code === -3) return OK;
        return {
          kind: 'violation',
          expected: `-3 (OutputTooSmall) with capacity ${run.capacity}, below the ${run.needed} needed`,
          found: `returned ${code}`,
        };
      },
    }),
  ),
);
