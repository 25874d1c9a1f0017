import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { returnCode, singleCallProperty } from '../_internals/single-call.js';
import {
  readIds,
  simpleHash,
  splitWords,
  tokenizerWhitespace,
  textCase,
} from '../_internals/tokenizer.js';

export default defineCheck('ZC-TOK-003', (ctx) => {
  const whitespace = tokenizerWhitespace(ctx);
  return checkCallProperty(
    ctx,
    singleCallProperty({
      layouts: ['apart'],
      // Words between ASCII spaces only: which characters separate words is ZC-TOK-002's
      // question, and a plugin that answers it differently must not fail here.
      arbitrary: () => textCase([0x20]),
      judge: (run, { testCase }) => {
        const words = splitWords(new TextDecoder().decode(testCase.input), whitespace);
        // Counting words is ZC-TOK-002's job: only a run with the right count can be compared.
        if (returnCode(run) !== 0 || run.main.cellAfter !== words.length) {
          return { kind: 'inconclusive', why: 'no successful call with the right count' };
        }
        const ids = readIds(run.main.output, words.length);
        const index = words.findIndex((word, i) => simpleHash(word) !== ids[i]);
        if (index === -1) return OK;
        const word = words[index]!;
        return {
          kind: 'violation',
          expected: `id ${simpleHash(word)} (simple_hash) for word ${index} ${JSON.stringify(word)}`,
          found: `id ${ids[index]}`,
        };
      },
    }),
  );
});
