import { defineCheck, fail, pass } from '../../src/check/define-check.js';

export default defineCheck('ZC-LIFE-002', (ctx) => {
  const setup = ctx.startPlugin();
  const expected = '`init()` returns 0 (Ok)';
  if (!setup.ok) {
    return fail(`\`init\` failed: ${setup.message}`, [
      { expected, found: setup.message, where: `${setup.stage}()`, output: setup.output },
    ]);
  }
  if (setup.initCode === 0) return pass('`init()` returned 0');
  const name = setup.initCode === undefined ? undefined : ctx.spec.returnCodeName(setup.initCode);
  const found = `\`init()\` returned ${setup.initCode ?? 'nothing'}${name ? ` (${name})` : ''}`;
  return fail(found, [
    { expected, found, where: 'init()', output: setup.instance.capture.snapshot() },
  ]);
});
