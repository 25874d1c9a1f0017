import { guardedCall } from '../../src/abi/guarded-call.js';
import { ampleCapacity } from '../../src/abi/capacity.js';
import { hasCapacityCell } from '../../src/abi/call-shape.js';
import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { hexPreview } from '../../src/util/bytes-text.js';
import {
  allowedInconclusive,
  inconclusive,
  returnCode,
  singleCallProperty,
} from '../_internals/single-call.js';

/** Two fills no plugin writes by chance in the same place: a byte holding both was not written. */
const FILLS = [0x5a, 0xa5] as const;

// The output buffer is filled with one pattern, the case called, then filled with another and
// called again: a byte inside *output_len that holds each call's own fill was never written.
// Bytes past *output_len (inside the capacity) are the plugin's scratch space (spec/ABI.md).
export default defineCheck('ZC-CALL-014', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: 'aligned',
      appliesTo: hasCapacityCell,
      judge: (run, { shape, testCase, session }) => {
        if (run.main.outcome.kind !== 'returned') return inconclusive(run.main.outcome);
        if (returnCode(run) !== 0) return allowedInconclusive('input rejected');
        // The case's own room when it has one (it just succeeded there): a wide one, past
        // 64 Ki elements, is where a count stored in 16 bits leaves the capacity's high half
        // in *output_len.
        const capacity = run.capacity ?? ampleCapacity(shape, testCase.input.length);
        const filled = FILLS.map((fill) =>
          guardedCall(session.current(), {
            exportName: shape.exportName,
            roles: shape.roles,
            input: testCase.input,
            outputBytes: capacity * shape.elementBytes,
            elementBytes: shape.elementBytes,
            cellValue: capacity,
            placement: testCase.placement,
            outputFill: fill,
          }),
        );
        const [a, b] = filled as [(typeof filled)[0], (typeof filled)[0]];
        if (a.outcome.kind !== 'returned' || b.outcome.kind !== 'returned') {
          return inconclusive(a.outcome.kind !== 'returned' ? a.outcome : b.outcome);
        }
        if (a.outcome.value !== 0 || b.outcome.value !== 0 || a.cellAfter !== b.cellAfter) {
          return {
            kind: 'inconclusive',
            why: 'the two calls disagreed (ZC-CALL-012, ZC-CALL-013)',
          };
        }
        const reported = Math.min(a.output.length, b.output.length);
        let first = -1;
        let unwritten = 0;
        for (let i = 0; i < reported; i++) {
          if (a.output[i] === FILLS[0] && b.output[i] === FILLS[1]) {
            if (first === -1) first = i;
            unwritten++;
          }
        }
        if (unwritten === 0) return OK;
        return {
          kind: 'violation',
          expected: `every byte of the ${reported} *output_len reports (${a.cellAfter} elements) is written by the call`,
          found: `${unwritten} of them were never written, from byte ${first}: they still held the host's fill (0x5a in one call, 0xa5 in the other): ${hexPreview(a.output.subarray(first, first + 16))}`,
        };
      },
    }),
  ),
);
