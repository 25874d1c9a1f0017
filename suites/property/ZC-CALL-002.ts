import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { inconclusive, singleCallProperty } from '../_internals/single-call.js';

// Not output-at-end: a write past the output there traps, and that is ZC-CALL-006's failure.
export default defineCheck('ZC-CALL-002', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart', 'adjacent'],
      judge: ({ main: { outcome } }) => {
        if (outcome.kind === 'returned') return OK;
        if (outcome.kind !== 'trapped') return inconclusive(outcome);
        // A Rust panic prints its message to stderr before trapping: the line worth showing.
        const panic = outcome.stderr.split('\n').find((line) => line.includes('panicked at'));
        return {
          kind: 'violation',
          expected: 'a return code (invalid input gives -1), never a trap',
          found: `trapped (${outcome.message})${panic ? `: ${panic}` : ''}`,
        };
      },
    }),
  ),
);
