import { blocked, defineCheck, fail, pass } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { describeOutcome, hex, refusedCall } from '../_internals/describe.js';
import { parseInfo, readPluginInfo } from '../_internals/plugin-info.js';

export default defineCheck('ZC-INFO-003', (ctx) => {
  const read = readPluginInfo(ctx);
  const parsed = read.ok ? parseInfo(ctx, read.text) : undefined;
  if (!read.ok || !parsed) return blocked('plugin_info has no parseable version (ZC-INFO-002)');
  const setup = ctx.startPlugin();
  if (!setup.ok) return blocked(describeSetupFailure(setup));
  const outcome = setup.instance.call('plugin_version');
  const refused = refusedCall('plugin_version()', outcome);
  if (refused) return refused;
  if (outcome.kind !== 'returned' || outcome.value === undefined) {
    const found = describeOutcome('plugin_version()', outcome);
    return fail(found, [
      { expected: 'plugin_version() returns a number', found, where: 'plugin_version()' },
    ]);
  }
  const actual = outcome.value >>> 0;
  const { major, minor, patch } = parsed;
  const decoded = `${actual >>> 16}.${(actual >>> 8) & 0xff}.${actual & 0xff}`;
  if (major > 0xffff || minor > 0xff || patch > 0xff) {
    const found = `version ${major}.${minor}.${patch} does not fit major<<16 | minor<<8 | patch`;
    return fail(found, [
      {
        expected: 'minor and patch at most 255, major at most 65535',
        found,
        where: 'plugin_info()',
      },
    ]);
  }
  const expected = ((major << 16) | (minor << 8) | patch) >>> 0;
  if (actual === expected) return pass(`${hex(actual)} = ${decoded}, as in plugin_info`);
  const found = `plugin_version() returned ${hex(actual)} (${decoded})`;
  return fail(`${found}, plugin_info says ${major}.${minor}.${patch}`, [
    {
      expected: `${hex(expected)} (${major}.${minor}.${patch} from plugin_info ${JSON.stringify(read.text)})`,
      found,
      where: 'plugin_version()',
    },
  ]);
});
