import type { DepthName } from '../property/depth.js';
import { UsageError } from '../util/errors.js';
import { DEFAULT_SEED } from '../runner/run-conformance.js';
import { optionTable } from './options.js';
import { integer, parseWithTable } from './parse-table.js';
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

export function parseCliArgs(argv: readonly string[]): CliArgs {
  const table = optionTable();
  const parsed = parseWithTable(argv, table, '--help');
  const { text } = parsed;
  const limits: Record<string, number> = {};
  for (const option of table) {
    const value = text(option.name);
    if (option.limit && value !== undefined) limits[option.limit] = integer(option.name, value);
  }
  const seedText = text('seed');
  if (parsed.flag('quick') && parsed.flag('thorough')) {
    throw new UsageError('ZC_BAD_OPTION', '--quick and --thorough are exclusive');
  }
  const { list } = parsed;
  const runsText = text('runs');
  return {
    plugins: parsed.positionals,
    json: parsed.flag('json'),
    listRules: parsed.flag('list-rules'),
    help: parsed.flag('help'),
    version: parsed.flag('version'),
    color: parsed.flag('no-color') ? false : undefined,
    only: list('only'),
    exports: list('export'),
    depth: parsed.flag('thorough') ? 'thorough' : 'quick',
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
