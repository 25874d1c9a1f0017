import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { runCallCase } from '../../src/abi/call-case.js';
import { callShapeOf } from '../../src/abi/call-shape.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { defineCheck, notApplicable } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { describeDifference } from '../../src/util/bytes-diff.js';
import { callResultOf, describeResult } from '../_internals/call-result.js';
import { textCase } from '../_internals/tokenizer.js';

// The tokenizer profile says `process` returns the ids `tokenize` returns, as bytes: both are
// called on the same text (and on bytes that are not UTF-8, which both must reject alike).
export default defineCheck('ZC-TOK-004', (ctx) => {
  if (ctx.exportState('tokenize') !== 'ok') {
    return notApplicable('`tokenize` is not exported: not a tokenizer plugin');
  }
  const processShape = callShapeOf(ctx.spec, 'process');
  return checkCallProperty(ctx, {
    appliesTo: (shape) => shape.exportName === 'tokenize',
    arbitrary: (_shape, env) => textCase(env.whitespace),
    check: (session, shape, testCase, env) => {
      const plugin = session.current();
      const run = { ...testCase, placement: DEFAULT_PLACEMENT };
      const tokens = callResultOf(
        runCallCase(plugin, shape, run, env.maxInputBytes),
        shape,
        plugin.lastCall,
      );
      // `exact`: the probe learns the needed size (following -3), so the room always suffices.
      const processed = callResultOf(
        runCallCase(
          session.current(),
          processShape,
          { ...run, capacity: { kind: 'exact' } },
          env.maxInputBytes,
        ),
        processShape,
        plugin.lastCall,
      );
      if (tokens.code === undefined || processed.code === undefined) {
        return { kind: 'inconclusive', why: 'a call did not return' };
      }
      // tokenize's output is the ids' memory image: u32 little-endian, as wasm stores them.
      const want = tokens.bytes;
      if (tokens.code === processed.code && Buffer.compare(want, processed.bytes) === 0) return OK;
      return {
        kind: 'violation',
        expected: `\`process\` gives \`tokenize\`'s ids as little-endian u32 bytes: tokenize ${describeResult(tokens, ctx.spec)}`,
        found: `\`process\` ${describeResult(processed, ctx.spec)}${tokens.code === processed.code ? `; ${describeDifference(want, processed.bytes, { expected: 'the ids', found: 'process' })}` : ''}`,
      };
    },
    inputOf: (testCase) => testCase.input,
    describe: (_shape, testCase) => describeCase(testCase, undefined),
  });
});
