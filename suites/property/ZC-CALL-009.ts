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
        const reported = run.main.cellAfter ?? 0;
        // Success with *output_len past the capacity, but nothing written past it, is
        // ZC-CALL-005's finding alone: the needed size came from that same count at ample
        // room, so it may be the lie (a length counting bytes never written) while the output
        // itself fit. Written past the capacity, the output did not fit: this rule's too.
        const overCapacity = run.capacity !== undefined && reported > run.capacity;
        if (code === 0 && overCapacity && run.main.violations.length === 0) {
          return { kind: 'inconclusive', why: 'reported more than the capacity (ZC-CALL-005)' };
        }
        return {
          kind: 'violation',
          expected: `-3 (OutputTooSmall) with capacity ${run.capacity}, below the ${run.needed} needed`,
          found: code === 0 ? `returned 0 with *output_len = ${reported}` : `returned ${code}`,
        };
      },
    }),
  ),
);
