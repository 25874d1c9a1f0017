import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { inconclusive, returnCode, singleCallProperty } from '../_internals/single-call.js';
import { splitWords, tokenizerWhitespace, textCase } from '../_internals/tokenizer.js';

export default defineCheck('ZC-TOK-002', (ctx) => {
  const whitespace = tokenizerWhitespace(ctx);
  return checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      arbitrary: (_shape, env) => textCase(env.whitespace),
      judge: (run, { testCase }) => {
        if (run.main.outcome.kind !== 'returned') return inconclusive(run.main.outcome);
        const words = splitWords(new TextDecoder().decode(testCase.input), whitespace);
        if (returnCode(run) === 0 && run.main.cellAfter === words.length) return OK;
        return {
          kind: 'violation',
          expected: `0 with *output_len = ${words.length} (words: ${JSON.stringify(words.slice(0, 8))}${words.length > 8 ? '…' : ''})`,
          found: `returned ${returnCode(run)} with *output_len = ${run.main.cellAfter}`,
        };
      },
    }),
  );
});
