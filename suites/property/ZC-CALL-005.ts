import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { hasCapacityCell } from '../../src/abi/call-shape.js';
import { AMPLE_AND_ONE_SHORT, returnCode, singleCallProperty } from '../_internals/single-call.js';

export default defineCheck('ZC-CALL-005', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      edgeCapacities: AMPLE_AND_ONE_SHORT,
      layouts: 'aligned',
      appliesTo: hasCapacityCell,
      judge: (run) => {
        if (returnCode(run) !== 0 || run.capacity === undefined) return OK;
        const count = run.main.cellAfter ?? 0;
        if (count <= run.capacity) return OK;
        return {
          kind: 'violation',
          expected: `after returning 0, *output_len <= ${run.capacity} (the capacity passed in)`,
          found: `*output_len = ${count}`,
        };
      },
    }),
  ),
);
