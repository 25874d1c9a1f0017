import fc from 'fast-check';
import { hasCapacityCell } from '../../src/abi/call-shape.js';
import type { CapacityChoice } from '../../src/abi/capacity.js';
import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import {
  EXACT_AND_ONE_SHORT,
  allowedInconclusive,
  inconclusive,
  returnCode,
  singleCallProperty,
} from '../_internals/single-call.js';
import { describeOutcome } from '../_internals/describe.js';

/** Capacities at, above and below the needed size (learned from the ample-capacity probe). */
const AROUND_NEEDED: fc.Arbitrary<CapacityChoice> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'exact' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('above' as const),
      extra: fc.integer({ min: 1, max: 8 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('below' as const),
      fraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
    }),
  },
);

// -3 says "retry with *output_len": the needed capacity must be enough, and after -3 the count
// must name at least what the output needs (more is an estimate, and allowed), or a host
// retrying as told fails or goes round again.
export default defineCheck('ZC-CALL-015', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      // The edge inputs at exactly their needed size and one short: a size estimate that counts
      // what the output drops (whitespace a decoder skips) shows on the inputs made of it. And
      // with no room, as a host asking for the size first does: the size -3 names is the one
      // the host retries with, so a short estimate of a long input shows there.
      edgeCapacities: [...EXACT_AND_ONE_SHORT, { kind: 'below', fraction: 0 }],
      layouts: 'aligned',
      appliesTo: hasCapacityCell,
      capacity: AROUND_NEEDED,
      judge: (run, { rerun }) => {
        const capacity = run.capacity ?? 0;
        if (run.needed === undefined) {
          // No size to compare with: the ample-capacity call did not succeed. A -3 there that
          // names no more than the room it had is still the loop (a "need more input" mapped
          // to -3, a count of what was consumed): the host retries with less, and gets -3 again.
          const asked = run.main.cellAfter;
          if (returnCode(run) === -3 && asked !== undefined && asked <= capacity) {
            const retry = rerun({ capacity: { kind: 'named', elements: asked } });
            return {
              kind: 'violation',
              expected: `-3 with *output_len above the capacity ${capacity}: -3 says the output does not fit, and *output_len is the room to retry with`,
              found: `returned -3 (OutputTooSmall) with ample capacity ${capacity} and *output_len = ${asked}; the retry with capacity ${asked} ${describeOutcome('', retry.main.outcome).trim()}`,
            };
          }
          return allowedInconclusive('input rejected');
        }
        if (run.main.outcome.kind !== 'returned') return inconclusive(run.main.outcome);
        if (returnCode(run) !== -3) return OK;
        if (capacity >= run.needed) {
          return {
            kind: 'violation',
            expected: `0 with capacity ${capacity}: the ${run.needed} elements the ample-capacity call wrote fit`,
            found: `returned -3 (OutputTooSmall) with *output_len = ${run.main.cellAfter}`,
          };
        }
        const asked = run.main.cellAfter ?? 0;
        if (asked >= run.needed) return OK;
        // Below what the ample-capacity call wrote: a retry with it must then get -3 again for
        // this to be the loop it looks like (an ample-capacity length that was not the output's,
        // as when a plugin reports its capacity as written, is ZC-CALL-014's to find).
        if (asked > capacity) {
          const retry = rerun({ capacity: { kind: 'named', elements: asked } });
          // A retry that traps or stops with the size it was told is the host's crash.
          const retried = retry.main.outcome.kind;
          if (retried === 'trapped' || retried === 'stopped') {
            return {
              kind: 'violation',
              expected: `after -3, *output_len at least ${run.needed} (what the ample-capacity call wrote), and a retry with it that returns`,
              found: `*output_len = ${asked}, less than the output needs: the retry with capacity ${asked} ${describeOutcome('', retry.main.outcome).trim()}`,
            };
          }
          if (returnCode(retry) !== -3) return OK;
        }
        return {
          kind: 'violation',
          expected: `after -3, *output_len at least ${run.needed} (what the ample-capacity call wrote)`,
          found:
            asked <= capacity
              ? `*output_len = ${asked}, no more than the capacity ${capacity}: a retry with it gets -3 again`
              : `*output_len = ${asked}, less than the output needs: a retry with it gets -3 again`,
        };
      },
    }),
  ),
);
