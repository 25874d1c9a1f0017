import { parseArgs } from 'node:util';
import type { BenchOptions } from '../bench/run-bench.js';
import { parseSizes } from '../bench/sizes.js';
import { UsageError } from '../runner/errors.js';
import { BENCH_OPTIONS } from './bench-options.js';

export interface BenchCliArgs {
  plugins: string[];
  help: boolean;
  json: boolean;
  color: boolean | undefined;
  out: string | undefined;
  options: BenchOptions;
}

function integer(option: string, text: string): number {
  if (!/^\d+$/.test(text)) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `--${option} expects a non-negative integer, got ${JSON.stringify(text)}`,
    );
  }
  return Number(text);
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
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        BENCH_OPTIONS.map((option) => [
          option.name,
          {
            type: option.kind === 'flag' ? ('boolean' as const) : ('string' as const),
            ...(option.short ? { short: option.short } : {}),
          },
        ]),
      ),
    });
  } catch (error) {
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    const code = (error as { code?: string }).code;
    const message =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown bench option ${option}`
        : (error as Error).message;
    throw new UsageError('ZC_BAD_OPTION', `${message} (see zenith-conform bench --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const options: BenchOptions = {};
  const sizes = text('sizes');
  if (sizes !== undefined) options.sizes = parseSizes(sizes);
  const input = text('input');
  if (input !== undefined) options.input = input;
  const exports = text('export')
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (exports) options.exports = exports;
  const time = text('time');
  if (time !== undefined) options.timeMs = integer('time', time);
  const warmup = text('warmup');
  if (warmup !== undefined) options.warmupMs = integer('warmup', warmup);
  const seed = text('seed');
  if (seed !== undefined) options.seed = integer('seed', seed);
  if (values['no-instructions'] === true) options.instructions = false;
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
    help: values['help'] === true,
    json: values['json'] === true,
    color: values['no-color'] === true ? false : undefined,
    out: text('out'),
    options,
  };
}
