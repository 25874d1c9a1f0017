import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { guardedCall } from '../../src/abi/guarded-call.js';
import { encodeStruct } from '../../src/abi/struct.js';
import { describeOutcome } from '../_internals/describe.js';
import { resizeCase, validDimensions } from '../_internals/resize.js';
import { inconclusive, singleCallProperty } from '../_internals/single-call.js';

// Unwritten bytes are found by calling twice with different output fills: a byte the plugin
// wrote is the same both times, a byte it left keeps the fill.
export default defineCheck('ZC-RSZ-002', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      arbitrary: (shape, env) => resizeCase(shape, env, validDimensions),
      judge: (run, { shape, testCase, session }) => {
        const { outcome } = run.main;
        if (outcome.kind === 'trapped' || outcome.kind === 'blocked') return inconclusive(outcome);
        if (outcome.kind !== 'returned' || outcome.value !== 0) {
          return {
            kind: 'violation',
            expected: '0 (Ok) for valid dimensions',
            found: describeOutcome('resize_image', outcome),
          };
        }
        const again = guardedCall(session.current(), {
          exportName: shape.exportName,
          roles: shape.roles,
          input: testCase.input,
          outputBytes: run.main.output.length,
          params: encodeStruct(shape.params!.struct, testCase.fields ?? {}),
          placement: testCase.placement,
          outputFill: 0x32,
        });
        if (again.outcome.kind !== 'returned') return inconclusive(again.outcome);
        const unwritten = run.main.output.findIndex((byte, i) => byte !== again.output[i]);
        if (unwritten === -1) return OK;
        return {
          kind: 'violation',
          expected: `all ${run.main.output.length} output bytes written`,
          found: `output byte ${unwritten} (pixel ${Math.floor(unwritten / 3)}) was left as the host filled it`,
        };
      },
    }),
  ),
);
