import { defineCheck, fail, pass } from '../../src/check/define-check.js';

export default defineCheck('ZC-MOD-002', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const start = ctx.compiled.info.exports.find((entry) => entry.name === '_start');
  if (!start) return pass('a library module: no `_start` export');
  return fail('a command module: it exports `_start`', [
    {
      expected: 'a library (reactor) module with no `_start` export',
      found:
        '`_start` is exported: the module was built as a command (a bin, or a main). Build a cdylib',
      where: 'export _start',
    },
  ]);
});
