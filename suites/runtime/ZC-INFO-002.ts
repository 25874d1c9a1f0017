import { blocked, defineCheck, fail, pass } from '../../src/check/define-check.js';
import { parseInfo, readPluginInfo } from '../_internals/plugin-info.js';

export default defineCheck('ZC-INFO-002', (ctx) => {
  const read = readPluginInfo(ctx);
  if (!read.ok) return blocked(`plugin_info could not be read: ${read.found}`);
  const parsed = parseInfo(ctx, read.text);
  if (parsed) {
    return {
      ...pass(`name ${JSON.stringify(parsed.name)}, version ${parsed.version}`),
      facts: { info: { text: read.text, name: parsed.name, version: parsed.version } },
    };
  }
  const found = `plugin_info() is ${JSON.stringify(read.text)}`;
  return {
    ...fail(found, [
      {
        expected: '`<name> v<semver>`, for example `my-plugin v0.1.0`',
        found,
        where: 'plugin_info()',
      },
    ]),
    facts: { info: { text: read.text } },
  };
});
