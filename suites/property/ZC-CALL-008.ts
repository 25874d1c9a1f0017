import { defineCheck } from '../../src/check/define-check.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { describePlacement } from '../../src/abi/describe-call.js';
import { describeDifference } from '../../src/util/bytes-diff.js';
import type { CallCaseRun } from '../../src/abi/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import {
  ALL_LAYOUTS,
  inconclusive,
  returnCode,
  singleCallProperty,
  writtenBytes,
} from '../_internals/single-call.js';

const summary = (code: number | undefined, count: number | undefined, bytes: Uint8Array): string =>
  `returned ${code}${count === undefined ? '' : `, *output_len ${count}`}, ${bytes.length} output bytes`;

/** Whether two runs of one case disagree: code, *output_len, or (on success) the bytes. */
function differ(a: CallCaseRun, b: CallCaseRun, shape: CallShape): boolean {
  const [codeA, codeB] = [returnCode(a), returnCode(b)];
  return (
    codeA !== codeB ||
    a.main.cellAfter !== b.main.cellAfter ||
    (codeA === 0 && Buffer.compare(writtenBytes(a, shape), writtenBytes(b, shape)) !== 0)
  );
}

export default defineCheck('ZC-CALL-008', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ALL_LAYOUTS,
      judge: (sharedMoved, { shape, testCase, rerun, rerunFresh }) => {
        if (sharedMoved.main.outcome.kind !== 'returned')
          return inconclusive(sharedMoved.main.outcome);
        // The same case with every buffer 8-aligned and apart: the reference placement.
        const sharedReference = rerun({ placement: DEFAULT_PLACEMENT });
        if (sharedReference.main.outcome.kind !== 'returned')
          return inconclusive(sharedReference.main.outcome);
        if (!differ(sharedReference, sharedMoved, shape)) return OK;
        // The shared instance has run other cases: a plugin whose result follows its history
        // differs there wherever the buffers are (ZC-CALL-013's failure). Both placements
        // again, each on an instance that has made no call, before placement is blamed.
        const reference = rerunFresh({ placement: DEFAULT_PLACEMENT });
        const moved = rerunFresh({});
        if (reference.main.outcome.kind !== 'returned') return inconclusive(reference.main.outcome);
        if (moved.main.outcome.kind !== 'returned') return inconclusive(moved.main.outcome);
        if (!differ(reference, moved, shape)) return { kind: 'inconclusive', why: 'history' };
        const [codeA, codeB] = [returnCode(reference), returnCode(moved)];
        const [bytesA, bytesB] = [writtenBytes(reference, shape), writtenBytes(moved, shape)];
        // A plugin that differs from itself at the same placement is nondeterministic: that is
        // ZC-CALL-012's failure, and says nothing about placement.
        // Two repeats, so that a plugin with a few bits of randomness rarely passes as stable.
        for (let repeat = 0; repeat < 2; repeat++) {
          const again = rerunFresh({});
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
