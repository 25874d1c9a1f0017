import { renderHuman, renderRuleList } from '../report/human.js';
import { UsageError } from '../runner/errors.js';
import { runConformance } from '../runner/run-conformance.js';
import { loadSpec } from '../spec/load-spec.js';
import { packageVersion } from '../util/package-root.js';
import { renderHelp } from './options.js';
import { parseCliArgs } from './parse-args.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The CLI as a function of its arguments and streams: a thin shell over runConformance. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(renderHelp());
      return EXIT.ok;
    }
    if (args.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    const spec = loadSpec();
    if (args.listRules) {
      io.stdout(args.json ? `${JSON.stringify(spec.rules, null, 2)}\n` : renderRuleList(spec));
      return EXIT.ok;
    }
    if (args.plugins.length === 0) {
      throw new UsageError(
        'ZC_NO_PLUGINS',
        'no plugin given: zenith-conform [options] <plugin.wasm...> (see --help)',
      );
    }
    const seed = args.seed === 'random' ? Math.floor(Math.random() * 2 ** 31) : args.seed;
    const report = await runConformance(args.plugins, {
      seed,
      limits: args.limits,
      depth: args.depth,
      ...(args.only ? { only: args.only } : {}),
      ...(args.runs !== undefined ? { runs: args.runs } : {}),
      ...(args.path ? { path: args.path } : {}),
      ...(args.exports ? { exports: args.exports } : {}),
    });
    const color = args.color ?? (io.isTTY && !io.env['NO_COLOR']);
    io.stdout(
      args.json ? `${JSON.stringify(report, null, 2)}\n` : renderHuman(report, spec, color),
    );
    if (report.plugins.some((plugin) => plugin.verdict === 'error')) return EXIT.usage;
    return report.summary.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`zenith-conform: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
