import { defineCheck, fail, pass } from '../../src/check/define-check.js';

export default defineCheck('ZC-LIM-001', (ctx) => {
  const limit = ctx.limits.maxBinaryBytes;
  const size = ctx.bytes.length;
  if (size <= limit) return pass(`${size} bytes (limit ${limit})`);
  return fail(`the binary is ${size} bytes, over ${limit}`, [
    {
      expected: `at most ${limit} bytes (--max-binary-size); try opt-level="z", lto, strip, panic="abort"`,
      found: `${size} bytes`,
      where: 'the file',
    },
  ]);
});
