import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import { limitOption } from '../../src/spec-model/limits.js';
import { formatSize } from '../../src/util/format-size.js';
import { WASM_PAGE_BYTES as PAGE } from '../../src/wasm/page.js';

export default defineCheck('ZC-MEM-005', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const limits = ctx.compiled.info.exports.find((entry) => entry.name === 'memory')?.memory;
  if (!limits) throw new Error('gated on ZC-MEM-001');
  const initialBytes = limits.initialPages * PAGE;
  const limit = ctx.limits.maxMemoryBytes;
  if (initialBytes <= limit) {
    return pass(
      `${limits.initialPages} initial pages (${formatSize(initialBytes)}, limit ${formatSize(limit)})`,
    );
  }
  const found = `${limits.initialPages} initial pages: ${formatSize(initialBytes)} before the first call`;
  return fail(`the initial memory is past the memory limit: ${found}`, [
    {
      expected: `at most ${limit} bytes of memory (${limitOption(ctx.spec, 'maxMemoryBytes')}), the initial pages included`,
      found,
      where: 'export memory',
    },
  ]);
});
