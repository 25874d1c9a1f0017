import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { inconclusive, singleCallProperty } from '../_internals/single-call.js';

export default defineCheck('ZC-CALL-004', (ctx) => {
  const codes = ctx.spec.returnCodes;
  const known = new Set(codes.map((code) => code.value));
  const listed = codes.map((code) => `${code.value} ${code.name}`).join(', ');
  return checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: 'aligned',
      judge: ({ main: { outcome } }) => {
        if (outcome.kind !== 'returned') return inconclusive(outcome);
        if (outcome.value !== undefined && known.has(outcome.value)) return OK;
        return {
          kind: 'violation',
          expected: `one of ${listed}`,
          found: `returned ${outcome.value}`,
        };
      },
    }),
  );
});
