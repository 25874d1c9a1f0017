import { defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty, OK } from '../../src/property/call-property.js';
import { declaredProperty, declined } from '../_internals/declared.js';

export default defineCheck('ZC-PROP-008', (ctx) =>
  checkCallProperty(
    ctx,
    declaredProperty({
      judge: ({ input, answer }) => {
        if (answer.kind !== 'code' || answer.code !== 0) return declined(answer);
        if (answer.output.length === input.length) return OK;
        return {
          kind: 'violation',
          expected: `${input.length} bytes of output, as many as the input (declared \`length-preserving\`)`,
          found: `returned 0 with ${answer.output.length} bytes`,
        };
      },
    }),
  ),
);
