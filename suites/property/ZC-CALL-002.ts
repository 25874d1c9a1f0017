import { defineCheck } from '../../src/check/define-check.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import {
  AMPLE_AND_ONE_SHORT,
  inconclusive,
  singleCallProperty,
} from '../_internals/single-call.js';

// Not output-at-end: a write past the output there traps, and that is ZC-CALL-006's failure.
// input-at-end is here: a read past the input's end traps there, where elsewhere it would
// quietly read the host's other bytes.
export default defineCheck('ZC-CALL-002', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart', 'output-first', 'adjacent', 'adjacent-reversed', 'input-at-end'],
      exploredTraps: true,
      // One short too: an output that outgrows the size the plugin checked panics on the
      // bounds check (no write past, so ZC-CALL-006 sees nothing), only when room is tight.
      edgeCapacities: AMPLE_AND_ONE_SHORT,
      judge: ({ main: { outcome } }, { testCase, rerunFresh }) => {
        if (outcome.kind === 'returned') return OK;
        if (outcome.kind !== 'trapped') return inconclusive(outcome);
        // A Rust panic prints its message to stderr before trapping: the line worth showing.
        const panic = outcome.stderr.split('\n').find((line) => line.includes('panicked at'));
        // With the input at the end of memory, an out-of-bounds trap is a read past the input
        // only if the same case returns with the buffers apart (a write far past the output
        // traps there too).
        const pastInput =
          testCase.placement.layout === 'input-at-end' &&
          /out of bounds/i.test(outcome.message) &&
          rerunFresh({ placement: DEFAULT_PLACEMENT }).main.outcome.kind === 'returned'
            ? ': with the input ending at the end of memory, the call read past the end of its input (with the buffers apart it returns)'
            : '';
        return {
          kind: 'violation',
          expected: 'a return code (invalid input gives -1), never a trap',
          found: `trapped (${outcome.message})${panic ? `: ${panic}` : pastInput}`,
        };
      },
    }),
  ),
);
