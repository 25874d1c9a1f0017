import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { singleCallProperty } from '../_internals/single-call.js';

// Buffers apart only: with input and output adjacent, a write before the output lands in the
// input, and that is ZC-CALL-006's failure.
export default defineCheck('ZC-CALL-007', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      judge: ({ main: { violations } }) => {
        const changed = violations.filter((text) => text.startsWith('modified'));
        return changed.length === 0
          ? OK
          : {
              kind: 'violation',
              expected: 'the input and params bytes are the same after the call',
              found: changed.join('; '),
            };
      },
    }),
  ),
);
