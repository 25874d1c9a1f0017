import { defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty, OK } from '../../src/property/call-property.js';
import { describeDifference } from '../../src/util/bytes-diff.js';
import { declaredProperty, declined, describeAnswer } from '../_internals/declared.js';

export default defineCheck('ZC-PROP-007', (ctx) =>
  checkCallProperty(
    ctx,
    declaredProperty({
      judge: ({ answer, again }) => {
        if (answer.kind !== 'code' || answer.code !== 0) return declined(answer);
        const second = again(answer.output);
        if (!second) return { kind: 'inconclusive', why: 'output past the input limit' };
        if (second.kind === 'code' && second.code === 0) {
          if (Buffer.compare(second.output, answer.output) === 0) return OK;
          return {
            kind: 'violation',
            expected: 'process(process(x)) == process(x) (declared `idempotent`)',
            found: `processing the output again changed it: ${describeDifference(answer.output, second.output, { expected: 'process(x)', found: 'process(process(x))' })}`,
          };
        }
        return {
          kind: 'violation',
          expected: 'process(process(x)) == process(x) (declared `idempotent`)',
          found: `processing the output again: ${describeAnswer('process(process(x))', second)}`,
        };
      },
    }),
  ),
);
