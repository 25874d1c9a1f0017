import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderHuman, renderRuleList } from '../report/human.js';
import { renderJunit } from '../report/junit.js';
import { loadKnownFailures } from '../runner/expectations.js';
import { selectRules } from '../runner/select-rules.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import { createProgress } from './progress.js';
import { selectShard } from './shard.js';
import { UsageError } from '../util/errors.js';
import { runConformance } from '../runner/run-conformance.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { packageVersion } from '../util/package-root.js';
import { renderHelp } from './options.js';
import { EXIT, type CliIo } from './io.js';
import { parseCliArgs } from './parse-args.js';

/** The CLI as a function of its arguments and streams: a thin shell over runConformance. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // The one subcommand (loaded on demand); a plugin file named `bench` is still `./bench`.
  if (argv[0] === 'bench')
    return (await import('./run-bench-cli.js')).runBenchCli(argv.slice(1), io);
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
    const plugins = args.shard ? selectShard(args.plugins, args.shard) : args.plugins;
    const index = new SpecIndex(spec);
    const knownFailures = args.expect ? loadKnownFailures(args.expect, index) : undefined;
    const progress = createProgress(
      io.stderr,
      io.stderrIsTTY ?? false,
      selectRules(index, args.only).length,
      plugins.length,
    );
    const report = await runConformance(plugins, {
      seed,
      limits: args.limits,
      depth: args.depth,
      ...(args.only ? { only: args.only } : {}),
      ...(args.runs !== undefined ? { runs: args.runs } : {}),
      ...(args.path ? { path: args.path } : {}),
      ...(args.exports ? { exports: args.exports } : {}),
      ...(knownFailures ? { knownFailures } : {}),
      onRuleResult: (source, result) => progress.rule(source, result),
      onPluginReport: (plugin) => progress.plugin(plugin),
    });
    progress.done();
    if (args.shard) report.summary.shard = `${args.shard.index}/${args.shard.count}`;
    if (args.junit) {
      mkdirSync(dirname(resolve(args.junit)), { recursive: true });
      writeFileSync(args.junit, renderJunit(report));
    }
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
