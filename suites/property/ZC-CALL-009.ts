import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { hasCapacityCell } from '../../src/abi/call-shape.js';
import { belowNeededArbitrary } from '../../src/property/arbitraries/capacity.js';
import {
  ONE_SHORT,
  allowedInconclusive,
  inconclusive,
  returnCode,
  singleCallProperty,
} from '../_internals/single-call.js';

export default defineCheck('ZC-CALL-009', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      edgeCapacities: ONE_SHORT,
      layouts: 'aligned',
      appliesTo: hasCapacityCell,
      capacity: belowNeededArbitrary,
      judge: (run) => {
        if (run.needed === undefined) return allowedInconclusive('input rejected');
        if (run.needed === 0) return allowedInconclusive('no output needed');
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
