import { defineCheck } from '../../src/check/define-check.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { describePlacement } from '../../src/abi/describe-call.js';
import { describeDifference } from '../../src/util/bytes-diff.js';
import {
  ALL_LAYOUTS,
  inconclusive,
  returnCode,
  singleCallProperty,
  writtenBytes,
} from '../_internals/single-call.js';

const summary = (code: number | undefined, count: number | undefined, bytes: Uint8Array): string =>
  `returned ${code}${count === undefined ? '' : `, *output_len ${count}`}, ${bytes.length} output bytes`;

export default defineCheck('ZC-CALL-008', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ALL_LAYOUTS,
      judge: (moved, { shape, testCase, rerun }) => {
        if (moved.main.outcome.kind !== 'returned') return inconclusive(moved.main.outcome);
        // The same case with every buffer 8-aligned and apart: the reference placement.
        const reference = rerun({ placement: DEFAULT_PLACEMENT });
        if (reference.main.outcome.kind !== 'returned') return inconclusive(reference.main.outcome);
        const [codeA, codeB] = [returnCode(reference), returnCode(moved)];
        const [bytesA, bytesB] = [writtenBytes(reference, shape), writtenBytes(moved, shape)];
        const differs =
          codeA !== codeB ||
          reference.main.cellAfter !== moved.main.cellAfter ||
          (codeA === 0 && Buffer.compare(bytesA, bytesB) !== 0);
        if (!differs) return OK;
        // A plugin that differs from itself at the same placement is nondeterministic: that is
        // ZC-CALL-012's failure, and says nothing about placement.
        // Two repeats, so that a plugin with a few bits of randomness rarely passes as stable.
        for (let repeat = 0; repeat < 2; repeat++) {
          const again = rerun({});
          if (
            returnCode(again) !== codeB ||
            Buffer.compare(writtenBytes(again, shape), bytesB) !== 0
          ) {
            return { kind: 'inconclusive', why: 'nondeterministic' };
          }
        }
        return {
          kind: 'violation',
          expected: `the result with buffers ${describePlacement(DEFAULT_PLACEMENT)}: ${summary(codeA, reference.main.cellAfter, bytesA)}`,
          found: `with buffers ${describePlacement(testCase.placement)}: ${summary(codeB, moved.main.cellAfter, bytesB)}${codeA === codeB && codeA === 0 ? `; ${describeDifference(bytesA, bytesB, { expected: 'apart', found: 'moved' })}` : ''}`,
        };
      },
    }),
  ),
);
