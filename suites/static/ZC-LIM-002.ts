import { defineCheck, fail, pass } from '../../src/check/define-check.js';

export default defineCheck('ZC-LIM-002', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const limits = ctx.compiled.info.exports.find((entry) => entry.name === 'memory')?.memory;
  if (!limits) throw new Error('gated on ZC-MEM-001');
  const limit = ctx.limits.maxInitialPages;
  if (limits.initialPages <= limit) {
    return pass(`${limits.initialPages} initial pages (limit ${limit})`);
  }
  return fail(`initial memory is ${limits.initialPages} pages, over ${limit}`, [
    {
      expected: `at most ${limit} initial pages of 64 KiB (--max-initial-pages)`,
      found: `${limits.initialPages} pages (${(limits.initialPages * 64) / 1024} MiB)`,
      where: 'export memory',
    },
  ]);
});
