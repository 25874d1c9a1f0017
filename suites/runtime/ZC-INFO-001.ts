import { blocked, defineCheck, fail, pass } from '../../src/check/define-check.js';
import { hex } from '../_internals/describe.js';
import { readPluginInfo } from '../_internals/plugin-info.js';

export default defineCheck('ZC-INFO-001', (ctx) => {
  const read = readPluginInfo(ctx);
  if (read.ok)
    return pass(`${JSON.stringify(read.text)} at ${hex(read.address)} (${read.bytes} bytes)`);
  if (read.setupFailed) return blocked(read.found);
  return fail(`\`plugin_info\`: ${read.found}`, [
    { expected: read.expected, found: read.found, where: read.where, replay: ctx.replayCommand() },
  ]);
});
