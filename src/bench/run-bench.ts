import { readFile } from 'node:fs/promises';
import { callableExports } from '../abi/call-shape.js';
import { UsageError } from '../util/errors.js';
import { readPluginFile, sha256 } from '../util/read-plugin-file.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { defaultLimits } from '../spec-model/limits.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import { packageVersion } from '../util/package-root.js';
import type { BenchEvent, PluginJob } from './bench-plugin.js';
import { compareReports } from './compare.js';
import { benchEnvironment } from './environment.js';
import { loadBinaryen, type Binaryen } from './instructions/binaryen-api.js';
import { instrument, type Instrumented } from './instructions/instrument.js';
import { evaluateGate } from './regression-gate.js';
import type {
  BenchReport,
  BenchSettings,
  PluginBench,
} from '../spec-model/bench-report-types.generated.js';
import { DEFAULT_SIZES } from './sizes.js';
import { benchInWorker } from './bench-in-worker.js';

export interface BenchOptions {
  /** Input sizes in bytes (default 64 B, 1 KiB, 64 KiB, 1 MiB). */
  sizes?: number[];
  /** Time budget per timed task in ms (default 500). */
  timeMs?: number;
  /** Warm-up budget per timed task in ms (default 100). */
  warmupMs?: number;
  /** Seed of the generated inputs (default 42). */
  seed?: number;
  /** Bench only these exports. */
  exports?: string[];
  /** Count instructions with an instrumented copy of each module (default true). */
  instructions?: boolean;
  /** A file to use as every case's input instead of generated inputs. */
  input?: string;
  /** Deadline for one plugin's whole bench in ms (default 60000). */
  pluginTimeoutMs?: number;
  /** A report.json (path or parsed) to compare with. */
  baseline?: string | BenchReport;
  failOnRegressionPercent?: number;
  maxInstructionsPerByte?: number;
  /** Called as each plugin finishes and as cases start, for progress output. */
  onPluginDone?: (plugin: PluginBench) => void;
  onEvent?: (source: string, event: BenchEvent) => void;
}

export const BENCH_DEFAULTS = {
  timeMs: 500,
  warmupMs: 100,
  seed: 42,
  pluginTimeoutMs: 60_000,
} as const;

/** binaryen prints validation errors to stdout, which belongs to the report; it is held back. */
async function instrumentQuietly(bytes: Uint8Array): Promise<Instrumented> {
  // A file that is not a module is reported by the worker; binaryen need not parse it.
  if (!WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)) {
    return { ok: false, message: 'the file is not a valid WebAssembly module' };
  }
  let binaryen: Binaryen;
  try {
    binaryen = await loadBinaryen();
  } catch (error) {
    // binaryen (about 100 MB) is an optional peer: conformance users should not download it.
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND';
    const message = missing
      ? 'instruction counts need the optional binaryen package: npm install --save-dev binaryen@132.0.0'
      : `binaryen could not be loaded: ${(error as Error).message}`;
    return { ok: false, message };
  }
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = () => true;
  try {
    return instrument(binaryen, bytes);
  } finally {
    process.stdout.write = write;
  }
}

async function loadBaseline(
  baseline: string | BenchReport,
): Promise<{ report: BenchReport; path: string }> {
  if (typeof baseline !== 'string') return { report: baseline, path: '(given)' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(baseline, 'utf8'));
  } catch (error) {
    throw new UsageError('ZC_BAD_BASELINE', `--baseline ${baseline}: ${(error as Error).message}`);
  }
  const report = parsed as Partial<BenchReport>;
  if (
    report?.tool?.name !== 'zenith-conform' ||
    !Array.isArray(report.plugins) ||
    !report.environment
  ) {
    throw new UsageError(
      'ZC_BAD_BASELINE',
      `--baseline ${baseline} is not a zenith-conform bench report (report.json from --out)`,
    );
  }
  return { report: report as BenchReport, path: baseline };
}

/**
 * Benches plugins one after another, each in its own worker, and returns the report that
 * --json prints. Only a usage mistake throws (UsageError); anything a plugin does, including
 * hanging or trapping, is a result in the report.
 */
export async function runBench(
  paths: readonly string[],
  options: BenchOptions = {},
): Promise<BenchReport> {
  const spec = new SpecIndex(loadSpec());
  const callable = callableExports(spec);
  for (const name of options.exports ?? []) {
    if (!callable.includes(name)) {
      throw new UsageError(
        'ZC_BAD_OPTION',
        `--export ${name}: not an export the bench can call (${callable.join(', ')})`,
      );
    }
  }
  const instructions = options.instructions ?? true;
  if (!instructions && options.maxInstructionsPerByte !== undefined) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      '--max-instructions-per-byte needs instruction counts: drop --no-instructions',
    );
  }
  if (options.failOnRegressionPercent !== undefined && options.baseline === undefined) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      '--fail-on-regression needs --baseline <report.json> to compare with',
    );
  }
  let input: PluginJob['input'];
  if (options.input !== undefined) {
    const read = await readPluginFile(options.input);
    if (!read.ok) throw new UsageError(read.code, `--input: ${read.message}`);
    input = { path: options.input, bytes: read.bytes };
  }
  const baseline =
    options.baseline === undefined ? undefined : await loadBaseline(options.baseline);

  const settings: BenchSettings = {
    sizes: options.sizes ?? DEFAULT_SIZES,
    timeMs: options.timeMs ?? BENCH_DEFAULTS.timeMs,
    warmupMs: options.warmupMs ?? BENCH_DEFAULTS.warmupMs,
    seed: options.seed ?? BENCH_DEFAULTS.seed,
    instructions,
    pluginTimeoutMs: options.pluginTimeoutMs ?? BENCH_DEFAULTS.pluginTimeoutMs,
    ...(input ? { input: { path: input.path, bytes: input.bytes.length } } : {}),
    ...(options.exports ? { exports: options.exports } : {}),
  };
  const { maxMemoryBytes } = defaultLimits(spec);
  const plugins: PluginBench[] = [];
  for (const source of paths) {
    const read = await readPluginFile(source);
    let plugin: PluginBench;
    if (!read.ok) {
      plugin = {
        source,
        sha256: '',
        bytes: 0,
        info: null,
        status: 'error',
        error: read.message,
        errorCode: read.code,
        jsBaseline: null,
        instructions: { status: instructions ? 'counted' : 'skipped' },
        cases: [],
      };
    } else {
      const job: PluginJob = {
        source,
        bytes: read.bytes,
        sizes: settings.sizes,
        timing: { timeMs: settings.timeMs, warmupMs: settings.warmupMs },
        seed: settings.seed,
        maxMemoryBytes,
        // Instrumented here, once: binaryen is a 14 MB module that the worker need not load.
        ...(instructions ? { counter: await instrumentQuietly(read.bytes) } : {}),
        ...(input ? { input } : {}),
        ...(options.exports ? { exports: options.exports } : {}),
      };
      const findings = await benchInWorker(job, settings.pluginTimeoutMs, (event) =>
        options.onEvent?.(source, event),
      );
      plugin = { source, sha256: sha256(read.bytes), bytes: read.bytes.length, ...findings };
    }
    plugins.push(plugin);
    options.onPluginDone?.(plugin);
  }

  const cases = plugins.flatMap((plugin) => plugin.cases);
  const report: BenchReport = {
    tool: { name: 'zenith-conform', version: packageVersion() },
    spec: { abi: spec.abi, version: spec.version },
    environment: benchEnvironment(instructions),
    settings,
    plugins,
    summary: {
      plugins: plugins.length,
      cases: cases.length,
      measured: cases.filter((result) => result.status === 'measured').length,
      rejected: cases.filter((result) => result.status === 'rejected').length,
      errors:
        cases.filter((result) => result.status === 'error').length +
        plugins.filter((plugin) => plugin.status === 'error').length,
    },
  };
  const comparisons = baseline
    ? compareReports(baseline.report, report, options.failOnRegressionPercent ?? 0)
    : undefined;
  if (baseline && comparisons) {
    const env = baseline.report.environment;
    report.comparison = {
      baseline: {
        path: baseline.path,
        version: baseline.report.tool.version,
        node: env.node,
        cpu: env.cpu,
        date: env.date,
      },
      cases: comparisons,
    };
  }
  const gate = evaluateGate(report, comparisons, options);
  if (gate) report.gate = gate;
  return report;
}
