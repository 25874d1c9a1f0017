import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkBenchOptions, runBench, type BenchOptions } from '../bench/run-bench.js';
import { renderBenchText } from '../bench/render/text.js';
import { REPORT_FILES, writeReports } from '../bench/write-reports.js';
import { UsageError } from '../util/errors.js';
import { directoryProblem, fileProblem, fsErrorText } from '../util/output-path.js';
import { packageVersion } from '../util/package-root.js';
import { safeJsonStringify, sanitizeText } from '../util/sanitize.js';
import { parseBenchArgs } from './bench-args.js';
import { createBenchProgress } from './bench-progress.js';
import { errorLine, noPluginMessage, renderBenchHelp } from './options.js';
import { EXIT, type CliIo } from './io.js';
import { pluginName, randomSeed, readStdinModule, resolvePluginArgs } from './plugin-args.js';

/** Why `--out` cannot take the three reports, or undefined when it can. */
function outProblem(dir: string): string | undefined {
  const problem = directoryProblem(dir);
  if (problem) return problem;
  for (const name of REPORT_FILES) {
    const file = fileProblem(join(dir, name));
    if (file) return `cannot take ${name}: it ${file}`;
  }
  return undefined;
}

/** `zenith-conform bench`: a thin shell over runBench and writeReports. */
export async function runBenchCli(argv: readonly string[], io: CliIo): Promise<number> {
  let scratch: string | undefined;
  try {
    const args = parseBenchArgs(argv);
    if (args.help) {
      io.stdout(renderBenchHelp());
      return EXIT.ok;
    }
    if (args.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT.ok;
    }
    if (args.plugins.length === 0) throw new UsageError('ZC_NO_PLUGINS', noPluginMessage('bench'));
    const seed = args.seed === 'random' ? randomSeed() : args.seed;
    const options: BenchOptions = { ...args.options, ...(seed !== undefined ? { seed } : {}) };
    // Everything is checked before the run: a mistake costs no time and prints no report.
    checkBenchOptions(options, 'cli');
    if (args.out !== undefined) {
      const problem = outProblem(args.out);
      if (problem) throw new UsageError('ZC_BAD_OUTPUT', `--out ${args.out} ${problem}`);
    }
    const plugins = resolvePluginArgs(args.plugins);
    const names = plugins.map(pluginName);
    const paths: string[] = [];
    for (const plugin of plugins) {
      if (plugin.kind === 'path') {
        paths.push(plugin.path);
        continue;
      }
      // The bench reads plugins from files (each in its own worker): stdin goes through one.
      const bytes = await readStdinModule(io, 'zenith-conform bench');
      scratch = await mkdtemp(join(tmpdir(), 'zenith-conform-stdin-'));
      const file = join(scratch, 'stdin.wasm');
      await writeFile(file, bytes);
      paths.push(file);
    }
    const shown = (source: string): string => names[paths.indexOf(source)] ?? source;

    // Progress goes to stderr, live when it is a terminal and one line per case in a log, so
    // that it never mixes with a report on stdout.
    const progress = createBenchProgress(
      io.stderr,
      io.stderrIsTTY ?? false,
      paths.length,
      io.stderrColumns,
    );
    const report = await runBench(paths, {
      ...options,
      onEvent: (source, event) => {
        if (event.type === 'case-start') {
          progress.caseStarted(shown(source), event.export, event.size, event.case, event.cases);
        }
      },
      onPluginDone: (plugin) => progress.pluginDone(shown(plugin.source)),
    });
    progress.done();
    for (const plugin of report.plugins) plugin.source = shown(plugin.source);

    const color = args.color ?? io.colorSupported ?? false;
    io.stdout(args.json ? `${safeJsonStringify(report, 2)}\n` : renderBenchText(report, color));
    for (const plugin of report.plugins) {
      if (plugin.errorCode && plugin.error) {
        io.stderr(errorLine('bench', sanitizeText(plugin.error)));
      }
    }
    if (args.out !== undefined) {
      let written: string[];
      try {
        written = await writeReports(report, args.out);
      } catch (error) {
        io.stderr(
          errorLine('bench', sanitizeText(`--out ${args.out}: not written: ${fsErrorText(error)}`)),
        );
        return EXIT.usage;
      }
      if (!args.json) io.stdout(`wrote ${sanitizeText(written.join(', '))}\n`);
    }
    if (report.plugins.some((plugin) => plugin.errorCode)) return EXIT.usage;
    const errors = report.summary.errors > 0;
    return errors || report.gate?.ok === false ? EXIT.failed : EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(errorLine('bench', sanitizeText(error.message)));
      return EXIT.usage;
    }
    throw error;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}
