import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import {
  resizeCase,
  resizeOracle,
  validDimensions,
  type Dimensions,
} from '../_internals/resize.js';
import { returnCode, singleCallProperty } from '../_internals/single-call.js';

export default defineCheck('ZC-RSZ-003', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      arbitrary: (shape, env) => resizeCase(shape, env, validDimensions),
      judge: (run, { testCase }) => {
        if (returnCode(run) !== 0)
          return { kind: 'inconclusive', why: 'did not return 0 (ZC-RSZ-002)' };
        const dims = testCase.fields as unknown as Dimensions;
        const expected = resizeOracle(testCase.input, dims);
        const at = expected.findIndex((byte, i) => byte !== run.main.output[i]);
        if (at === -1) return OK;
        const pixel = Math.floor(at / 3);
        const [x, y] = [pixel % dims.dst_width, Math.floor(pixel / dims.dst_width)];
        const rgb = (bytes: Uint8Array): string =>
          Array.from(bytes.subarray(pixel * 3, pixel * 3 + 3)).join(',');
        return {
          kind: 'violation',
          expected: `pixel (${x}, ${y}) = ${rgb(expected)}, by the guide's nearest-neighbour formula`,
          found: `pixel (${x}, ${y}) = ${rgb(run.main.output)}`,
        };
      },
    }),
  ),
);
