import { defineCheck } from '../../src/check/define-check.js';
import { obeys, parseSizeRelation, sizeBound } from '../../src/contract/size-relation.js';
import { checkCallProperty, OK } from '../../src/property/call-property.js';
import { declaredProperty, declaredValue, declined } from '../_internals/declared.js';

export default defineCheck('ZC-PROP-004', (ctx) => {
  const relation = parseSizeRelation(declaredValue(ctx), 'properties.size');
  return checkCallProperty(
    ctx,
    declaredProperty({
      judge: ({ input, answer }) => {
        if (answer.kind !== 'code' || answer.code !== 0) return declined(answer);
        if (obeys(relation, input.length, answer.output.length)) return OK;
        return {
          kind: 'violation',
          expected: `output ${relation.relation} ${sizeBound(relation, input.length)} bytes for a ${input.length}-byte input (declared \`size: ${relation.text}\`)`,
          found: `returned 0 with ${answer.output.length} bytes of output`,
        };
      },
    }),
  );
});
