import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import {
  AMPLE_AND_ONE_SHORT,
  TIGHT_FITS,
  inconclusive,
  singleCallProperty,
} from '../_internals/single-call.js';

const EXPECTED = 'no byte changes outside [output_ptr, output_ptr + capacity) and the length cell';

// With the output at the very end of memory, a write past it cannot land in a guard: it traps.
export default defineCheck('ZC-CALL-006', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      // Each edge input with room to spare, one short, and at the tight fits past the output.
      edgeCapacities: [...AMPLE_AND_ONE_SHORT, ...TIGHT_FITS],
      layouts: ['apart', 'output-first', 'output-at-end'],
      judge: (run, { testCase }) => {
        const { outcome, violations } = run.main;
        if (outcome.kind === 'trapped') {
          if (
            testCase.placement.layout === 'output-at-end' &&
            /out of bounds/i.test(outcome.message)
          ) {
            return {
              kind: 'violation',
              expected: EXPECTED,
              found: `with the output buffer ending at the end of memory, the call trapped: ${outcome.message}`,
            };
          }
          return inconclusive(outcome);
        }
        const stray = violations.filter((text) => text.startsWith('wrote'));
        return stray.length === 0
          ? OK
          : { kind: 'violation', expected: EXPECTED, found: stray.join('; ') };
      },
    }),
  ),
);
