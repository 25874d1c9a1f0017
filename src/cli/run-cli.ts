import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { renderHuman, renderRuleList } from '../report/human.js';
import { renderJunit } from '../report/junit.js';
import { renderGithubAnnotations, withCommandsStopped } from '../report/github.js';
import { renderSarif } from '../report/sarif.js';
import { renderGithubSummary } from '../report/github-summary.js';
import { loadKnownFailures } from '../runner/expectations.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import { createProgress } from './progress.js';
import { isDeclared } from '../contract/declared.js';
import { emptyShardMessage, selectShard } from './shard.js';
import { UsageError } from '../util/errors.js';
import {
  checkConformanceOptions,
  runConformance,
  type ConformanceOptions,
} from '../runner/run-conformance.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { packageVersion } from '../util/package-root.js';
import { fileProblem, fsErrorText } from '../util/output-path.js';
import { safeJsonStringify, sanitizeText } from '../util/sanitize.js';
import { errorLine, noPluginMessage, renderHelp } from './options.js';
import { EXIT, type CliIo } from './io.js';
import { parseCliArgs } from './parse-args.js';
import {
  configArguments,
  configPlugins,
  contractFor,
  findConfig,
  loadConfig,
  type ConfigPlugin,
} from './config-file.js';
import {
  commandTypo,
  pluginName,
  randomSeed,
  readStdinModule,
  resolvePluginArgs,
  type PluginArg,
} from './plugin-args.js';

/** The CLI as a function of its arguments and streams: a thin shell over runConformance. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // The subcommands (loaded on demand); a plugin file named `bench` is still `./bench`.
  if (argv[0] === 'bench')
    return (await import('./run-bench-cli.js')).runBenchCli(argv.slice(1), io);
  if (argv[0] === 'inspect')
    return (await import('./run-inspect-cli.js')).runInspectCli(argv.slice(1), io);
  try {
    if (argv[0] === 'init') return (await import('./init.js')).runInit(argv.slice(1), io);
    let args = parseCliArgs(argv);
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
    // A config in the working directory (or --config) gives the plugins and their contracts,
    // and options the command line does not give itself.
    const configPath = args.config ?? (args.noConfig ? undefined : findConfig(process.cwd()));
    let configured: ConfigPlugin[] = [];
    if (configPath) {
      const loaded = await loadConfig(configPath, spec);
      const fromFile = configArguments(loaded, argv);
      try {
        parseCliArgs(fromFile);
      } catch (error) {
        if (error instanceof UsageError)
          throw new UsageError(error.code, `${configPath}: ${error.message}`);
        throw error;
      }
      args = parseCliArgs([...fromFile, ...argv]);
      configured = configPlugins(loaded, spec);
    }
    if (args.plugins.length === 0 && configured.length === 0) {
      throw new UsageError(
        'ZC_NO_PLUGINS',
        configPath
          ? `${configPath} names no plugin: add "plugins", or give plugin paths`
          : `${noPluginMessage('check')}; or write a zenith-conform.config.json (zenith-conform init)`,
      );
    }
    const typo =
      argv[0] === args.plugins[0] ? commandTypo(argv[0], ['bench', 'inspect', 'init']) : '';
    if (typo) {
      throw new UsageError(
        'ZC_UNKNOWN_COMMAND',
        `unknown command or file ${argv[0]} (did you mean ${typo}?)`,
      );
    }
    const index = new SpecIndex(spec);
    const knownFailures = args.expect ? loadKnownFailures(args.expect, index) : undefined;
    const options: ConformanceOptions = {
      seed: args.seed === 'random' ? randomSeed() : args.seed,
      limits: args.limits,
      depth: args.depth,
      ...(args.strict ? { strict: true } : {}),
      ...(args.only ? { only: args.only } : {}),
      ...(args.runs !== undefined ? { runs: args.runs } : {}),
      ...(args.timeMs !== undefined ? { timeMs: args.timeMs } : {}),
      ...(args.jobs !== undefined ? { jobs: args.jobs } : {}),
      ...(args.path !== undefined ? { path: args.path } : {}),
      ...(args.exports ? { exports: args.exports } : {}),
      ...(knownFailures ? { knownFailures } : {}),
      ...(args.corpus ? { corpus: args.corpus } : {}),
      ...(args.explore !== undefined ? { explore: args.explore } : {}),
      ...(args.updateFixtures ? { updateFixtures: true } : {}),
    };
    // Everything is checked before the run: a mistake costs no time and prints no report.
    const ruleIds = checkConformanceOptions(options, index, 'cli');
    const junit = args.junit;
    if (junit === '-' && args.json) {
      throw new UsageError(
        'ZC_BAD_OPTION',
        '--junit - and --json both print on stdout: give --junit a file',
      );
    }
    const files: ReportFile[] = [
      ...(junit !== undefined && junit !== '-'
        ? [{ option: '--junit', path: junit } as const]
        : []),
      ...(args.sarif !== undefined ? [{ option: '--sarif', path: args.sarif } as const] : []),
      ...(args.jsonFile !== undefined
        ? [{ option: '--json-file', path: args.jsonFile } as const]
        : []),
    ];
    for (const { option, path } of files) {
      if (path === '-') {
        throw new UsageError(
          'ZC_BAD_OPTION',
          `${option} - is not supported: give ${option} a file`,
        );
      }
    }
    for (const { option, path } of files) {
      const problem = fileProblem(path);
      if (problem) throw new UsageError('ZC_BAD_OUTPUT', `${option} ${path} ${problem}`);
    }
    const github = githubOutput(io.env, args.github);
    if (github.summary !== undefined) {
      const problem = fileProblem(github.summary);
      if (problem) {
        throw new UsageError('ZC_BAD_OUTPUT', `GITHUB_STEP_SUMMARY ${github.summary} ${problem}`);
      }
    }
    // Plugins named on the command line take the contract of the config entry that names them.
    const given =
      args.plugins.length > 0
        ? resolvePluginArgs(args.plugins)
        : configured.map((plugin) => ({ kind: 'path' as const, path: plugin.path }));
    const contractOf = (plugin: PluginArg) =>
      plugin.kind === 'path' ? contractFor(plugin.path, configured) : undefined;
    const plugins = args.shard ? selectShardOf(given, args.shard) : given;
    if (plugins.length === 0 && args.shard) {
      // Not an error: a matrix can have more jobs than plugins. But say so, not a bare header.
      io.stderr(errorLine('check', emptyShardMessage(args.shard, given.length)));
      return EXIT.ok;
    }
    const names = plugins.map(pluginName);
    const stdin = plugins.some((plugin) => plugin.kind === 'stdin')
      ? await readStdinModule(io, 'zenith-conform')
      : undefined;
    const inputs = plugins.map((plugin) => {
      const source = plugin.kind === 'stdin' ? stdin! : plugin.path;
      const contract = contractOf(plugin);
      return contract ? { plugin: source, contract } : source;
    });

    // A plugin runs the declared rules its contract declares (and those --only names).
    const rulesOf = (at: number): number => {
      const plugin = plugins[at];
      const contract = plugin ? contractOf(plugin) : undefined;
      return ruleIds.filter((id) => {
        const declared = index.rule(id).declaredBy;
        return !declared || isDeclared(declared, contract) || (args.only?.includes(id) ?? false);
      }).length;
    };
    const progress = createProgress(
      io.stderr,
      io.stderrIsTTY ?? false,
      rulesOf,
      plugins.length,
      io.stderrColumns,
    );
    let finished = 0;
    const report = await runConformance(inputs, {
      ...options,
      onRuleResult: (_source, result) => progress.rule(names[finished] ?? _source, result),
      onPluginReport: (plugin) => {
        // Reports come in order: a module from stdin goes by <stdin>, not <bytes>.
        plugin.source = names[finished++] ?? plugin.source;
        progress.plugin(plugin);
      },
    });
    progress.done();
    if (args.shard) report.summary.shard = `${args.shard.index}/${args.shard.count}`;

    const color = args.color ?? io.colorSupported ?? false;
    if (junit === '-') io.stdout(renderJunit(report));
    else if (args.json) io.stdout(`${safeJsonStringify(report, 2)}\n`);
    else if (github.annotations) io.stdout(withCommandsStopped(renderHuman(report, spec, color)));
    else io.stdout(renderHuman(report, spec, color));
    if (github.annotations) {
      // Workflow commands are read from both streams; stdout holding JSON or XML stays clean.
      const annotations = renderGithubAnnotations(report);
      if (junit === '-' || args.json) io.stderr(annotations);
      else io.stdout(annotations);
    }
    // Corpus files cut at --max-input-size are said on the terminal, a few of them.
    const capped = report.settings.corpus?.capped ?? [];
    for (const line of capped.slice(0, 5)) io.stderr(errorLine('check', sanitizeText(line)));
    if (capped.length > 5) {
      io.stderr(errorLine('check', `and ${capped.length - 5} more corpus files cut the same way`));
    }
    // What an exploration the user asked for did, one line per plugin (the JSON report has
    // every plugin's, the default's too, as `exploration`).
    for (const { source, exploration: done } of report.plugins) {
      if (!done || !args.explore) continue;
      const line = `explored ${source}: ${done.iterations} calls, ${done.blocksReached} of ${done.blocks} blocks reached, ${done.kept} inputs kept${done.stopped ? ` (${done.stopped})` : ''}`;
      io.stderr(errorLine('check', sanitizeText(line)));
    }
    // Whatever stdout holds (a report piped to a file), a path that could not be read is said
    // on the terminal too, one line each.
    for (const plugin of report.plugins) {
      if (plugin.verdict === 'error' && plugin.error) {
        io.stderr(errorLine('check', sanitizeText(plugin.error.message)));
      }
    }
    for (const { option, path } of files) {
      try {
        mkdirSync(dirname(resolve(path)), { recursive: true });
        const text =
          option === '--junit'
            ? renderJunit(report)
            : option === '--sarif'
              ? renderSarif(report, spec)
              : `${safeJsonStringify(report, 2)}\n`;
        writeFileSync(path, text);
      } catch (error) {
        io.stderr(
          errorLine('check', sanitizeText(`${option} ${path}: not written: ${fsErrorText(error)}`)),
        );
        return EXIT.usage;
      }
    }
    if (github.summary !== undefined) {
      try {
        // Appended: earlier steps of the job wrote their own parts of the summary.
        appendFileSync(github.summary, `${renderGithubSummary(report)}\n`);
      } catch (error) {
        const text = `GITHUB_STEP_SUMMARY ${github.summary}: not written: ${fsErrorText(error)}`;
        io.stderr(errorLine('check', sanitizeText(text)));
        return EXIT.usage;
      }
    }
    if (report.plugins.some((plugin) => plugin.verdict === 'error')) return EXIT.usage;
    return report.summary.ok ? EXIT.ok : EXIT.failed;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(errorLine('check', sanitizeText(error.message)));
      return EXIT.usage;
    }
    throw error;
  }
}

/** A report written to a file after the run, its path checked before it. */
interface ReportFile {
  option: '--junit' | '--sarif' | '--json-file';
  path: string;
}

/**
 * GitHub-native output, on under GitHub Actions (GITHUB_ACTIONS=true) unless --no-github:
 * annotations, and a job summary when the runner names a summary file.
 */
function githubOutput(
  env: NodeJS.ProcessEnv,
  wanted: boolean,
): { annotations: boolean; summary?: string } {
  if (!wanted || env['GITHUB_ACTIONS'] !== 'true') return { annotations: false };
  const summary = env['GITHUB_STEP_SUMMARY'];
  return { annotations: true, ...(summary ? { summary } : {}) };
}

/** Shards by name, so that `-` (<stdin>) takes its place among the paths. */
export function selectShardOf(
  plugins: readonly PluginArg[],
  shard: { index: number; count: number },
): PluginArg[] {
  const chosen = new Set(selectShard(plugins.map(pluginName), shard));
  return plugins.filter((plugin) => chosen.has(pluginName(plugin)));
}
