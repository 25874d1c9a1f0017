import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';

export default defineCheck('ZC-LIFE-001', (ctx) => {
  const setup = ctx.startPlugin({ runInit: false });
  if (setup.ok) {
    return pass(
      setup.instance.hasFunction('_initialize')
        ? 'instantiated; `_initialize` returned'
        : 'instantiated',
    );
  }
  const where =
    setup.stage === 'link'
      ? 'instantiation (linking)'
      : setup.stage === 'start'
        ? 'start function'
        : '_initialize()';
  return fail(describeSetupFailure(setup), [
    {
      expected:
        'the module instantiates with the host imports and `_initialize` (when exported) returns',
      found: `${setup.message}${setup.output.stderr ? `; stderr: ${setup.output.stderr.trim()}` : ''}`,
      where,
      output: setup.output,
    },
  ]);
});
