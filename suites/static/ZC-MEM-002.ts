import { defineCheck, fail, pass } from '../../src/check/define-check.js';

export default defineCheck('ZC-MEM-002', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const limits = ctx.compiled.info.exports.find((entry) => entry.name === 'memory')?.memory;
  if (!limits) throw new Error('gated on ZC-MEM-001');
  const problems = [
    limits.memory64 ? '64-bit (memory64)' : '',
    limits.shared ? 'shared' : '',
  ].filter(Boolean);
  if (problems.length === 0) return pass('32-bit, not shared');
  const found = `the memory is ${problems.join(' and ')}`;
  return fail(found, [
    { expected: 'a 32-bit memory that is not shared', found, where: 'export memory' },
  ]);
});
