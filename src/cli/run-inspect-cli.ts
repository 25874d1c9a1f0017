import { inspectPlugin } from '../inspect/inspect-plugin.js';
import { renderInspect } from '../inspect/render-inspect.js';
import type { InspectReport } from '../inspect/inspect-types.js';
import { UsageError } from '../util/errors.js';
import { packageVersion } from '../util/package-root.js';
import { safeJsonStringify, sanitizeText } from '../util/sanitize.js';
import {
  COMMANDS,
  errorLine,
  INSPECT_OPTIONS,
  noPluginMessage,
  renderInspectHelp,
} from './options.js';
import { EXIT, type CliIo } from './io.js';
import { parseWithTable } from './parse-table.js';
import { pluginName, readStdinModule, resolvePluginArgs } from './plugin-args.js';

/** `zenith-conform inspect`: a thin shell over inspectPlugin and renderInspect. */
export async function runInspectCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const parsed = parseWithTable(argv, INSPECT_OPTIONS, COMMANDS.inspect.help);
    if (parsed.flag('help')) {
      io.stdout(renderInspectHelp());
      return EXIT.ok;
    }
    if (parsed.flag('version')) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    if (parsed.positionals.length === 0) {
      throw new UsageError('ZC_NO_PLUGINS', noPluginMessage('inspect'));
    }
    const reports: InspectReport[] = [];
    let unreadable = false;
    for (const plugin of resolvePluginArgs(parsed.positionals)) {
      const input =
        plugin.kind === 'stdin' ? await readStdinModule(io, COMMANDS.inspect.prefix) : plugin.path;
      const result = await inspectPlugin(input);
      if (result.ok) {
        reports.push({ ...result.report, source: pluginName(plugin) });
      } else {
        unreadable = true;
        io.stderr(errorLine('inspect', sanitizeText(result.message)));
      }
    }
    if (parsed.flag('json')) io.stdout(`${safeJsonStringify(reports, 2)}\n`);
    else io.stdout(reports.map(renderInspect).join('\n'));
    return unreadable ? EXIT.usage : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(errorLine('inspect', sanitizeText(error.message)));
      return EXIT.usage;
    }
    throw error;
  }
}
