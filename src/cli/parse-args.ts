import { parseArgs } from 'node:util';
import type { DepthName } from '../property/depth.js';
import { UsageError } from '../runner/errors.js';
import { DEFAULT_SEED } from '../runner/run-conformance.js';
import { optionTable } from './options.js';
import { parseShard, type Shard } from './shard.js';

export interface CliArgs {
  plugins: string[];
  json: boolean;
  listRules: boolean;
  help: boolean;
  version: boolean;
  color: boolean | undefined;
  only: string[] | undefined;
  seed: number | 'random';
  depth: DepthName;
  runs: number | undefined;
  path: string | undefined;
  exports: string[] | undefined;
  junit: string | undefined;
  expect: string | undefined;
  shard: Shard | undefined;
  limits: Record<string, number>;
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

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const table = optionTable();
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(
        table.map((option) => [
          option.name,
          {
            type: option.kind === 'flag' ? ('boolean' as const) : ('string' as const),
            ...(option.short ? { short: option.short } : {}),
          },
        ]),
      ),
    });
  } catch (error) {
    // Node's own messages suggest `--` quoting; name the option plainly instead.
    const option = /'(-[^']*)'/.exec((error as Error).message)?.[1];
    const code = (error as { code?: string }).code;
    const message =
      code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option
        ? `unknown option ${option}`
        : (error as Error).message;
    throw new UsageError('ZC_BAD_OPTION', `${message} (see --help)`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const text = (name: string): string | undefined => {
    const value = values[name];
    return typeof value === 'string' ? value : undefined;
  };
  const limits: Record<string, number> = {};
  for (const option of table) {
    const value = text(option.name);
    if (option.limit && value !== undefined) limits[option.limit] = integer(option.name, value);
  }
  const seedText = text('seed');
  if (values['quick'] === true && values['thorough'] === true) {
    throw new UsageError('ZC_BAD_OPTION', '--quick and --thorough are exclusive');
  }
  const list = (name: string): string[] | undefined =>
    text(name)
      ?.split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  const runsText = text('runs');
  return {
    plugins: parsed.positionals,
    json: values['json'] === true,
    listRules: values['list-rules'] === true,
    help: values['help'] === true,
    version: values['version'] === true,
    color: values['no-color'] === true ? false : undefined,
    only: list('only'),
    exports: list('export'),
    depth: values['thorough'] === true ? 'thorough' : 'quick',
    runs: runsText === undefined ? undefined : integer('runs', runsText),
    path: text('path'),
    junit: text('junit'),
    expect: text('expect'),
    shard: text('shard') === undefined ? undefined : parseShard(text('shard')!),
    seed:
      seedText === undefined
        ? DEFAULT_SEED
        : seedText === 'random'
          ? 'random'
          : integer('seed', seedText),
    limits,
  };
}
