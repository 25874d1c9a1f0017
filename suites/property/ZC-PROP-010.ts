import { pathToFileURL } from 'node:url';
import { blocked, defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty, OK } from '../../src/property/call-property.js';
import { describeBytes } from '../../src/util/bytes-text.js';
import { lineDiff } from '../../src/util/line-diff.js';
import { describeDifference } from '../../src/util/bytes-diff.js';
import {
  declaredProperty,
  declaredValue,
  describeAnswer,
  type Answer,
} from '../_internals/declared.js';

/** What an oracle may return: bytes or text (success), `{ code }`, or null (any error). */
type OracleResult = Uint8Array | string | { code: number } | null | undefined;

function expectedOf(result: OracleResult): { code: number; output?: Uint8Array } | 'error' {
  if (result === null || result === undefined) return 'error';
  if (typeof result === 'string') return { code: 0, output: new TextEncoder().encode(result) };
  if (result instanceof Uint8Array) return { code: 0, output: result };
  if (typeof result === 'object' && Number.isInteger(result.code)) return { code: result.code };
  throw new TypeError(`returned ${typeof result}, not bytes, a string, { code } or null`);
}

const agrees = (expected: ReturnType<typeof expectedOf>, answer: Answer): boolean =>
  answer.kind === 'code' &&
  (expected === 'error'
    ? answer.code < 0
    : answer.code === expected.code &&
      (expected.output === undefined || Buffer.compare(answer.output, expected.output) === 0));

export default defineCheck('ZC-PROP-010', async (ctx) => {
  const path = declaredValue(ctx);
  let oracle: (input: Uint8Array) => OracleResult;
  try {
    const module = (await import(pathToFileURL(path).href)) as { default?: unknown };
    if (typeof module.default !== 'function')
      throw new TypeError('its default export is not a function');
    oracle = module.default as typeof oracle;
  } catch (error) {
    return blocked(`the declared reference ${path} cannot be loaded: ${(error as Error).message}`);
  }
  return checkCallProperty(
    ctx,
    declaredProperty({
      judge: ({ input, answer, shape }) => {
        let expected: ReturnType<typeof expectedOf>;
        try {
          expected = expectedOf(oracle(input.slice()));
        } catch (error) {
          return {
            kind: 'violation',
            expected: `the reference ${path} to answer`,
            found: `the reference threw on ${describeBytes(input)}: ${(error as Error).message}`,
          };
        }
        if (agrees(expected, answer)) return OK;
        const wanted =
          expected === 'error'
            ? 'an error code, as the reference rejects this input'
            : expected.code === 0
              ? `0 with ${describeBytes(expected.output!)}`
              : `${expected.code}`;
        const both =
          expected !== 'error' && expected.output && answer.kind === 'code' && answer.code === 0
            ? { expected: expected.output, found: answer.output }
            : undefined;
        const where = both
          ? describeDifference(both.expected, both.found, {
              expected: 'reference',
              found: 'plugin',
            })
          : undefined;
        const diff = both ? lineDiff(both.expected, both.found) : undefined;
        return {
          kind: 'violation',
          expected: `${wanted}, as the reference ${path} answers (declared \`reference\`)`,
          found: `${describeAnswer(shape.exportName, answer)}${where ? `; ${where}` : ''}`,
          ...(diff ? { diff } : {}),
        };
      },
    }),
  );
});
