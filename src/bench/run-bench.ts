import { readFile } from 'node:fs/promises';
import { callableExports } from '../abi/call-shape.js';
import { UsageError } from '../util/errors.js';
import {
  checkBoolean,
  checkFunction,
  checkNameList,
  checkNonNegativeInteger,
  checkNonNegativeNumber,
  checkOptionsObject,
  checkPositiveInteger,
  checkSeed,
  checkString,
  describeValue,
  didYouMean,
} from '../util/option-checks.js';
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
import {
  DEFAULT_SIZES,
  QUICK_SIZES,
  inputLimitProblem,
  sizeArgument,
  sizeProblem,
  type InputLimit,
} from './sizes.js';
import { benchInWorker } from './bench-in-worker.js';

export interface BenchOptions {
  /** Input sizes in bytes (default 64 B, 1 KiB, 64 KiB, 1 MiB; with quick, 1 KiB and 64 KiB). */
  sizes?: number[];
  /**
   * A quick run for pull-request checks: the defaults of sizes, timeMs and warmupMs become
   * QUICK_DEFAULTS (instruction counts, the deterministic figure, are unchanged).
   */
  quick?: boolean;
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
  /** Deadline for one plugin's whole bench in ms (default 60000); the host's own work is not counted. */
  pluginTimeoutMs?: number;
  /** The largest input the host passes (default: the spec's maxInputBytes); larger sizes are refused. */
  maxInputBytes?: number;
  /** The plugin's memory limit (default: the spec's maxMemoryBytes), enforced inside the module. */
  maxMemoryBytes?: number;
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

/** What --quick changes: two sizes and a fifth of the timing budget. */
export const QUICK_DEFAULTS = { sizes: QUICK_SIZES, timeMs: 100, warmupMs: 20 } as const;

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

const BENCH_KEYS = [
  'sizes',
  'quick',
  'timeMs',
  'warmupMs',
  'seed',
  'exports',
  'instructions',
  'input',
  'pluginTimeoutMs',
  'maxInputBytes',
  'maxMemoryBytes',
  'baseline',
  'failOnRegressionPercent',
  'maxInstructionsPerByte',
  'onPluginDone',
  'onEvent',
] as const;

const BENCH_FLAGS: Record<(typeof BENCH_KEYS)[number], string> = {
  sizes: '--sizes',
  quick: '--quick',
  timeMs: '--time',
  warmupMs: '--warmup',
  seed: '--seed',
  exports: '--export',
  instructions: '--no-instructions',
  input: '--input',
  pluginTimeoutMs: '--plugin-timeout',
  maxInputBytes: '--max-input-size',
  maxMemoryBytes: '--max-memory',
  baseline: '--baseline',
  failOnRegressionPercent: '--fail-on-regression',
  maxInstructionsPerByte: '--max-instructions-per-byte',
  onPluginDone: 'onPluginDone',
  onEvent: 'onEvent',
};

function inputLimit(
  spec: SpecIndex,
  maxInputBytes: number | undefined,
  option: string,
): InputLimit {
  return {
    maxInputBytes: maxInputBytes ?? defaultLimits(spec).maxInputBytes,
    given: maxInputBytes !== undefined,
    option,
  };
}

/**
 * Checks every bench option before anything runs: a bad value is a UsageError naming the
 * option (as `timeMs` for a JS caller, `--time` for the CLI), never a TypeError mid-run.
 */
export function checkBenchOptions(options: unknown, naming: 'api' | 'cli' = 'api'): void {
  const given = checkOptionsObject('runBench options', options ?? {}, BENCH_KEYS);
  const name = (key: (typeof BENCH_KEYS)[number]): string =>
    naming === 'cli' ? BENCH_FLAGS[key] : key;
  for (const key of ['maxInputBytes', 'maxMemoryBytes'] as const) {
    if (given[key] !== undefined) checkPositiveInteger(name(key), given[key]);
  }
  const spec = new SpecIndex(loadSpec());
  const limit = inputLimit(
    spec,
    given['maxInputBytes'] as number | undefined,
    name('maxInputBytes'),
  );
  const sizes = given['sizes'];
  if (sizes !== undefined) {
    if (!Array.isArray(sizes) || sizes.length === 0) {
      throw new UsageError(
        'ZC_BAD_OPTION',
        `${name('sizes')} must be a non-empty list of sizes in bytes, got ${describeValue(sizes)}`,
      );
    }
    for (const size of sizes) {
      checkPositiveInteger(`${name('sizes')} entry`, size);
      const problem =
        sizeProblem(name('sizes'), size as number) ??
        inputLimitProblem(
          `${name('sizes')} ${sizeArgument(size as number)}`,
          size as number,
          limit,
        );
      if (problem) throw new UsageError('ZC_BAD_OPTION', problem);
    }
  } else if (given['input'] === undefined) {
    // --input replaces the sizes; its file is checked once read.
    for (const size of given['quick'] === true ? QUICK_SIZES : DEFAULT_SIZES) {
      const problem = inputLimitProblem(`the default size ${sizeArgument(size)}`, size, limit);
      if (problem) throw new UsageError('ZC_BAD_OPTION', `${problem} or pass ${name('sizes')}`);
    }
  }
  if (given['timeMs'] !== undefined) {
    checkPositiveInteger(
      name('timeMs'),
      given['timeMs'],
      ' (a task timed for 0 ms measures nothing)',
    );
  }
  if (given['warmupMs'] !== undefined) checkNonNegativeInteger(name('warmupMs'), given['warmupMs']);
  if (given['seed'] !== undefined) checkSeed(name('seed'), given['seed'], naming === 'cli');
  if (given['pluginTimeoutMs'] !== undefined) {
    checkPositiveInteger(name('pluginTimeoutMs'), given['pluginTimeoutMs']);
  }
  if (given['instructions'] !== undefined)
    checkBoolean(name('instructions'), given['instructions']);
  if (given['quick'] !== undefined) checkBoolean(name('quick'), given['quick']);
  if (given['input'] !== undefined) checkString(name('input'), given['input']);
  const baseline = given['baseline'];
  if (
    baseline !== undefined &&
    typeof baseline !== 'string' &&
    (baseline === null || typeof baseline !== 'object')
  ) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `${name('baseline')} must be a report.json path or a parsed bench report, got ${describeValue(baseline)}`,
    );
  }
  if (given['failOnRegressionPercent'] !== undefined) {
    checkNonNegativeNumber(name('failOnRegressionPercent'), given['failOnRegressionPercent']);
  }
  if (given['maxInstructionsPerByte'] !== undefined) {
    checkNonNegativeNumber(name('maxInstructionsPerByte'), given['maxInstructionsPerByte']);
  }
  for (const key of ['onPluginDone', 'onEvent'] as const) {
    if (given[key] !== undefined) checkFunction(key, given[key]);
  }
  const callable = callableExports(spec);
  if (given['exports'] !== undefined) {
    for (const exportName of checkNameList(name('exports'), given['exports'], 'export names')) {
      if (!callable.includes(exportName)) {
        throw new UsageError(
          'ZC_BAD_OPTION',
          `${name('exports')} ${exportName}: not an export the bench can call${didYouMean(exportName, callable, `callable: ${callable.join(', ')}`)}`,
        );
      }
    }
  }
  if (given['instructions'] === false && given['maxInstructionsPerByte'] !== undefined) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `${name('maxInstructionsPerByte')} needs instruction counts: drop ${name('instructions')}`,
    );
  }
  if (given['failOnRegressionPercent'] !== undefined && given['baseline'] === undefined) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `${name('failOnRegressionPercent')} needs ${name('baseline')} <report.json> to compare with`,
    );
  }
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
  const given: unknown = paths;
  if (
    !Array.isArray(given) ||
    given.length === 0 ||
    given.some((path) => typeof path !== 'string' || path === '')
  ) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `paths must be a non-empty list of plugin paths, got ${describeValue(paths)}`,
    );
  }
  checkBenchOptions(options);
  const spec = new SpecIndex(loadSpec());
  const instructions = options.instructions ?? true;
  let input: PluginJob['input'];
  if (options.input !== undefined) {
    const read = await readPluginFile(options.input);
    if (!read.ok) throw new UsageError(read.code, `--input: ${read.message}`);
    input = { path: options.input, bytes: read.bytes };
    const problem = inputLimitProblem(
      `--input ${options.input}`,
      read.bytes.length,
      inputLimit(spec, options.maxInputBytes, '--max-input-size'),
    );
    if (problem) throw new UsageError('ZC_BAD_OPTION', problem);
  }
  const baseline =
    options.baseline === undefined ? undefined : await loadBaseline(options.baseline);

  const limits = defaultLimits(spec);
  const maxMemoryBytes = options.maxMemoryBytes ?? limits.maxMemoryBytes;
  const defaults = options.quick
    ? QUICK_DEFAULTS
    : { sizes: DEFAULT_SIZES, timeMs: BENCH_DEFAULTS.timeMs, warmupMs: BENCH_DEFAULTS.warmupMs };
  const settings: BenchSettings = {
    sizes: options.sizes ?? [...defaults.sizes],
    timeMs: options.timeMs ?? defaults.timeMs,
    warmupMs: options.warmupMs ?? defaults.warmupMs,
    ...(options.quick ? { quick: true } : {}),
    seed: options.seed ?? BENCH_DEFAULTS.seed,
    instructions,
    pluginTimeoutMs: options.pluginTimeoutMs ?? BENCH_DEFAULTS.pluginTimeoutMs,
    maxInputBytes: options.maxInputBytes ?? limits.maxInputBytes,
    maxMemoryBytes,
    ...(input ? { input: { path: input.path, bytes: input.bytes.length } } : {}),
    ...(options.exports ? { exports: options.exports } : {}),
  };
  const { maxLogBytesPerCall } = limits;
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
        maxLogBytesPerCall,
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
