import { defineCheck } from '../../src/runner/check-api.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { singleCallProperty } from '../_internals/single-call.js';

export default defineCheck('ZC-CALL-003', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      judge: ({ main: { outcome } }) =>
        outcome.kind === 'memory-exceeded'
          ? {
              kind: 'violation',
              expected: `memory stays at most ${outcome.limit} bytes (--max-memory)`,
              found: `memory grew to ${outcome.bytes} bytes during the call`,
            }
          : OK,
    }),
  ),
);
