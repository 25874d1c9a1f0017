import { defineCheck, fail, pass } from '../../src/check/define-check.js';

export default defineCheck('ZC-MOD-001', (ctx) => {
  if (ctx.compiled.ok) {
    return pass(`compiles: ${ctx.bytes.length} bytes, ${ctx.compiled.info.exports.length} exports`);
  }
  return fail(ctx.compiled.message, [
    {
      expected: 'a WebAssembly binary module (\\0asm, version 1) that the engine compiles',
      found: ctx.compiled.message,
      where: 'the file',
    },
  ]);
});
