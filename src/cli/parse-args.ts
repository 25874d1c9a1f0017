import type { DepthName } from '../property/depth.js';
import { UsageError } from '../util/errors.js';
import { DEFAULT_SEED } from '../runner/run-conformance.js';
import { COMMANDS, optionTable } from './options.js';
import { byteSize, decimal, duration, integer, parseWithTable, seedText } from './parse-table.js';
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
  strict: boolean;
  runs: number | undefined;
  /** --time, in ms. */
  timeMs: number | undefined;
  jobs: number | undefined;
  path: string | undefined;
  exports: string[] | undefined;
  junit: string | undefined;
  sarif: string | undefined;
  jsonFile: string | undefined;
  /** false with --no-github: no annotations or job summary even under GitHub Actions. */
  github: boolean;
  expect: string | undefined;
  shard: Shard | undefined;
  limits: Record<string, number>;
  corpus: string[] | undefined;
  config: string | undefined;
  noConfig: boolean;
  updateFixtures: boolean;
  /** --explore in ms and --explore-iterations, when either was given; false: --no-explore. */
  explore: { timeMs?: number; iterations?: number } | false | undefined;
}

/**
 * The conformance command's arguments, as typed values. Only the text is checked here (is it
 * a number at all); ranges and combinations are checked by checkConformanceOptions, the same
 * check a JS caller of runConformance gets.
 */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const table = optionTable();
  const parsed = parseWithTable(argv, table, COMMANDS.check.help);
  const { text } = parsed;
  const limits: Record<string, number> = {};
  for (const option of table) {
    const value = text(option.name);
    if (option.limit === undefined || value === undefined) continue;
    // Byte limits take sizes (`1g`); the others (pages, ms) plain integers.
    limits[option.limit] =
      option.placeholder === 'bytes' ? byteSize(option.name, value) : integer(option.name, value);
  }
  const seed = text('seed');
  if (parsed.flag('quick') && parsed.flag('thorough')) {
    throw new UsageError('ZC_BAD_OPTION', '--quick and --thorough are exclusive');
  }
  const runs = text('runs');
  const time = text('time');
  const jobs = text('jobs');
  const exploreSeconds = text('explore');
  const exploreIterations = text('explore-iterations');
  if (
    parsed.flag('no-explore') &&
    (exploreSeconds !== undefined || exploreIterations !== undefined)
  ) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      '--no-explore and --explore/--explore-iterations are exclusive',
    );
  }
  const explore = parsed.flag('no-explore')
    ? (false as const)
    : exploreSeconds === undefined && exploreIterations === undefined
      ? undefined
      : {
          ...(exploreSeconds !== undefined
            ? { timeMs: decimal('explore', exploreSeconds) * 1000 }
            : {}),
          ...(exploreIterations !== undefined
            ? { iterations: integer('explore-iterations', exploreIterations) }
            : {}),
        };
  if (parsed.flag('no-config') && text('config') !== undefined) {
    throw new UsageError('ZC_BAD_OPTION', '--config and --no-config are exclusive');
  }
  const shard = text('shard');
  const color = parsed.last('color', 'no-color');
  return {
    plugins: parsed.positionals,
    json: parsed.flag('json'),
    listRules: parsed.flag('list-rules'),
    help: parsed.flag('help'),
    version: parsed.flag('version'),
    color: color === undefined ? undefined : color === 'color',
    only: parsed.list('only'),
    exports: parsed.list('export'),
    depth: parsed.flag('thorough') ? 'thorough' : 'quick',
    strict: parsed.flag('strict'),
    runs: runs === undefined ? undefined : integer('runs', runs),
    timeMs: time === undefined ? undefined : duration('time', time),
    jobs: jobs === undefined ? undefined : integer('jobs', jobs),
    path: text('path'),
    junit: text('junit'),
    sarif: text('sarif'),
    jsonFile: text('json-file'),
    github: !parsed.flag('no-github'),
    expect: text('expect'),
    shard: shard === undefined ? undefined : parseShard(shard),
    seed: seed === undefined ? DEFAULT_SEED : seedText('seed', seed),
    limits,
    corpus: parsed.repeatedList('corpus'),
    explore,
    config: text('config'),
    noConfig: parsed.flag('no-config'),
    updateFixtures: parsed.flag('update-fixtures'),
  };
}
