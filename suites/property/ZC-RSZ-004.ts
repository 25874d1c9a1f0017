import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { runCallCase } from '../../src/abi/call-case.js';
import { callShapeOf } from '../../src/abi/call-shape.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { encodeStruct } from '../../src/abi/struct.js';
import { defineCheck, notApplicable } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { describeDifference } from '../../src/util/bytes-diff.js';
import { callResultOf, describeResult } from '../_internals/call-result.js';
import { resizeCase, validDimensions } from '../_internals/resize.js';

// The resize profile says `process` takes the ResizeParams header and then the pixels, and
// resizes them as `resize_image` does: both are called on the same image and must agree.
export default defineCheck('ZC-RSZ-004', (ctx) => {
  if (ctx.exportState('resize_image') !== 'ok') {
    return notApplicable('`resize_image` is not exported: not a resize plugin');
  }
  const processShape = callShapeOf(ctx.spec, 'process');
  return checkCallProperty(ctx, {
    appliesTo: (shape) => shape.exportName === 'resize_image',
    arbitrary: (shape, env) => resizeCase(shape, env, validDimensions),
    check: (session, shape, testCase, env) => {
      const plugin = session.current();
      const resized = callResultOf(
        runCallCase(plugin, shape, testCase, env.maxInputBytes),
        shape,
        plugin.lastCall,
      );
      const header = encodeStruct(shape.params!.struct, testCase.fields ?? {});
      const framed = new Uint8Array(header.length + testCase.input.length);
      framed.set(header);
      framed.set(testCase.input, header.length);
      const processed = callResultOf(
        runCallCase(
          session.current(),
          processShape,
          { input: framed, placement: DEFAULT_PLACEMENT, capacity: { kind: 'exact' } },
          env.maxInputBytes + header.length,
        ),
        processShape,
        plugin.lastCall,
      );
      if (resized.code === undefined || processed.code === undefined) {
        return { kind: 'inconclusive', why: 'a call did not return' };
      }
      if (resized.code === processed.code && Buffer.compare(resized.bytes, processed.bytes) === 0) {
        return OK;
      }
      return {
        kind: 'violation',
        expected: `\`process\` on the ResizeParams header and the pixels gives what \`resize_image\` gives: ${describeResult(resized, ctx.spec)}`,
        found: `\`process\` ${describeResult(processed, ctx.spec)}${resized.code === processed.code ? `; ${describeDifference(resized.bytes, processed.bytes, { expected: 'resize_image', found: 'process' })}` : ''}`,
      };
    },
    inputOf: (testCase) => testCase.input,
    describe: (_shape, testCase) => describeCase(testCase, undefined),
  });
});
