import fc from 'fast-check';
import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { invalidUtf8Arbitrary } from '../../src/generators/input-bytes.js';
import { placementArbitrary } from '../../src/property/arbitraries/placement.js';
import { describeOutcome } from '../_internals/describe.js';
import { singleCallProperty } from '../_internals/single-call.js';

export default defineCheck('ZC-TOK-001', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      census: false,
      arbitrary: (_shape, env) =>
        fc.record({
          input: invalidUtf8Arbitrary(env.whitespace),
          placement: placementArbitrary(['apart']),
          capacity: fc.constant({ kind: 'ample' as const }),
        }),
      judge: ({ main: { outcome } }) =>
        outcome.kind === 'returned' && outcome.value === -1
          ? OK
          : {
              kind: 'violation',
              expected: '-1 (InvalidInput) for bytes that are not UTF-8',
              found: describeOutcome('tokenize', outcome),
            },
    }),
  ),
);
