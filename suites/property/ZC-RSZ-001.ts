import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { describeOutcome } from '../_internals/describe.js';
import { invalidDimensions, resizeCase } from '../_internals/resize.js';
import { singleCallProperty } from '../_internals/single-call.js';

export default defineCheck('ZC-RSZ-001', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      census: false,
      arbitrary: (shape, env) => resizeCase(shape, env, invalidDimensions),
      judge: ({ main: { outcome } }) =>
        outcome.kind === 'returned' && outcome.value === -1
          ? OK
          : {
              kind: 'violation',
              expected: '-1 (InvalidInput) for a zero dimension or a size that overflows u32',
              found: describeOutcome('resize_image', outcome),
            },
    }),
  ),
);
