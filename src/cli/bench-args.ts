import type { BenchOptions } from '../bench/run-bench.js';
import { parseSizes } from '../bench/sizes.js';
import { UsageError } from '../util/errors.js';
import { BENCH_OPTIONS } from './options.js';
import { integer, parseWithTable } from './parse-table.js';

export interface BenchCliArgs {
  plugins: string[];
  help: boolean;
  json: boolean;
  color: boolean | undefined;
  out: string | undefined;
  options: BenchOptions;
}

function number(option: string, text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text)) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `--${option} expects a non-negative number, got ${JSON.stringify(text)}`,
    );
  }
  return Number(text);
}

export function parseBenchArgs(argv: readonly string[]): BenchCliArgs {
  const parsed = parseWithTable(argv, BENCH_OPTIONS, 'zenith-conform bench --help');
  const { text } = parsed;
  const options: BenchOptions = {};
  const sizes = text('sizes');
  if (sizes !== undefined) options.sizes = parseSizes(sizes);
  const input = text('input');
  if (input !== undefined) options.input = input;
  const exports = parsed.list('export');
  if (exports) options.exports = exports;
  const time = text('time');
  if (time !== undefined) options.timeMs = integer('time', time);
  const warmup = text('warmup');
  if (warmup !== undefined) options.warmupMs = integer('warmup', warmup);
  const seed = text('seed');
  if (seed !== undefined) options.seed = integer('seed', seed);
  if (parsed.flag('no-instructions')) options.instructions = false;
  const max = text('max-instructions-per-byte');
  if (max !== undefined) options.maxInstructionsPerByte = number('max-instructions-per-byte', max);
  const baseline = text('baseline');
  if (baseline !== undefined) options.baseline = baseline;
  const percent = text('fail-on-regression');
  if (percent !== undefined)
    options.failOnRegressionPercent = number('fail-on-regression', percent);
  const timeout = text('plugin-timeout');
  if (timeout !== undefined) {
    options.pluginTimeoutMs = integer('plugin-timeout', timeout);
    if (options.pluginTimeoutMs < 1)
      throw new UsageError('ZC_BAD_OPTION', '--plugin-timeout must be at least 1 ms');
  }
  return {
    plugins: parsed.positionals,
    help: parsed.flag('help'),
    json: parsed.flag('json'),
    color: parsed.flag('no-color') ? false : undefined,
    out: text('out'),
    options,
  };
}
