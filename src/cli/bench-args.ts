import type { BenchOptions } from '../bench/run-bench.js';
import { parseSizes } from '../bench/sizes.js';
import { BENCH_OPTIONS, COMMANDS } from './options.js';
import { byteSize, decimal, integer, parseWithTable, seedText } from './parse-table.js';

export interface BenchCliArgs {
  plugins: string[];
  help: boolean;
  version: boolean;
  json: boolean;
  color: boolean | undefined;
  out: string | undefined;
  /** The seed as given: `random` is picked by the CLI, so that the report shows the number. */
  seed: number | 'random' | undefined;
  options: BenchOptions;
}

/**
 * The bench command's arguments, as typed values; ranges and combinations are checked by
 * checkBenchOptions, the same check a JS caller of runBench gets.
 */
export function parseBenchArgs(argv: readonly string[]): BenchCliArgs {
  const parsed = parseWithTable(argv, BENCH_OPTIONS, COMMANDS.bench.help);
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
  if (warmup !== undefined) {
    options.warmupMs = integer('warmup', warmup, 'a non-negative integer');
  }
  const seed = text('seed');
  if (parsed.flag('no-instructions')) options.instructions = false;
  if (parsed.flag('quick')) options.quick = true;
  const max = text('max-instructions-per-byte');
  if (max !== undefined) {
    options.maxInstructionsPerByte = decimal('max-instructions-per-byte', max);
  }
  const baseline = text('baseline');
  if (baseline !== undefined) options.baseline = baseline;
  const percent = text('fail-on-regression');
  if (percent !== undefined) {
    options.failOnRegressionPercent = decimal('fail-on-regression', percent);
  }
  const maxInput = text('max-input-size');
  if (maxInput !== undefined) options.maxInputBytes = byteSize('max-input-size', maxInput);
  const maxMemory = text('max-memory');
  if (maxMemory !== undefined) options.maxMemoryBytes = byteSize('max-memory', maxMemory);
  const timeout = text('plugin-timeout');
  if (timeout !== undefined) options.pluginTimeoutMs = integer('plugin-timeout', timeout);
  const color = parsed.last('color', 'no-color');
  return {
    plugins: parsed.positionals,
    help: parsed.flag('help'),
    version: parsed.flag('version'),
    json: parsed.flag('json'),
    color: color === undefined ? undefined : color === 'color',
    out: text('out'),
    seed: seed === undefined ? undefined : seedText('seed', seed),
    options,
  };
}
