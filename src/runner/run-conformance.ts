import type {
  ConformanceReport,
  PluginReport,
  RuleResult,
} from '../spec-model/report-types.generated.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import { packageVersion } from '../util/package-root.js';
import { availableParallelism } from 'node:os';
import { prewarmSandbox } from '../supervise/sandbox.js';
import { DEPTHS, type DepthName } from '../property/depth.js';
import { callableExports } from '../abi/call-shape.js';
import { UsageError } from '../util/errors.js';
import {
  checkBoolean,
  checkFunction,
  checkNameList,
  checkOptionsObject,
  checkPositiveInteger,
  checkSeed,
  describeValue,
  didYouMean,
} from '../util/option-checks.js';
import { validateKnownFailures, type KnownFailure } from './expectations.js';
import { checkPlugin } from './check-plugin.js';
import { runInOrder } from './in-order.js';
import { limitArgs, resolveLimits } from '../spec-model/limits.js';
import { selectRules } from './select-rules.js';
import type { CheckContract, PluginContract } from '../contract/contract.js';
import { isDeclared } from '../contract/declared.js';
import { resolveContract } from '../contract/resolve-contract.js';
import { shellQuote } from '../check/replay.js';
import {
  checkCorpusOption,
  checkExploreOption,
  corpusReplayArgs,
  loadRunCorpus,
  DEFAULT_EXPLORE,
  pluginInputs,
  type CorpusOption,
  type ExploreOption,
} from './sample-inputs.js';

/** The seed used when none is given, so that two runs of the same plugin agree. */
export const DEFAULT_SEED = 42;

export interface ConformanceOptions {
  /** Seeds every generated value (and the plugin's deterministic clock and randomness). */
  seed?: number;
  /** Rule ids to run; their dependencies run too. Default: every rule. */
  only?: readonly string[];
  /** Overrides of the spec's limits, by limit name (e.g. `{ callTimeoutMs: 500 }`). */
  limits?: Readonly<Record<string, number | undefined>>;
  /** Cases per property rule; overrides depth. */
  runs?: number;
  /** Named depth: quick (default) or thorough. */
  depth?: DepthName;
  /**
   * A time budget for the whole run, in ms (--time), its plugins sharing it equally: each
   * property rule makes cases until its share is spent, and at least the depth's count. The
   * cases then depend on the machine's speed.
   */
  timeMs?: number;
  /** Workers sharing each plugin's rules; default the available parallelism. Same verdicts. */
  jobs?: number;
  /** Replays one fast-check path (with the seed that found it); use with one rule. */
  path?: string;
  /** Restricts property rules to these exports. */
  exports?: readonly string[];
  /** Rules plugins are known to fail (see loadKnownFailures); they do not fail the run. */
  knownFailures?: readonly KnownFailure[];
  /** should failures and warnings (a census below the spec's threshold) fail the plugin too. */
  strict?: boolean;
  /**
   * Sample inputs (the author's fixtures): paths of files or directories (every regular file
   * in them, recursively, sorted), or bytes. Each is cut at maxInputBytes; at most 1000
   * samples and 16 MiB. Property rules give them and their mutants most of their cases.
   */
  corpus?: CorpusOption;
  /**
   * Before the rules, explore `process` with coverage guidance for `timeMs` (or exactly
   * `iterations` calls): inputs that reach new blocks join this plugin's property cases.
   * Default DEFAULT_EXPLORE (3000 calls, so the verdict never depends on the machine's
   * speed); false: no exploration.
   */
  explore?: ExploreOption | false;
  /**
   * Write what each plugin returns as its golden fixtures' expectation (as snapshot tools
   * do) instead of judging them; the other rules run as usual.
   */
  updateFixtures?: boolean;
  /** Called as each rule finishes, for progress output. */
  onRuleResult?: (source: string, result: RuleResult) => void;
  /** Called as each plugin's report is complete. */
  onPluginReport?: (report: PluginReport) => void;
}

/** How option names are spelled in messages: as JS option keys, or as the CLI's flags. */
export type OptionNaming = 'api' | 'cli';

const CONFORMANCE_KEYS = [
  'seed',
  'only',
  'limits',
  'runs',
  'depth',
  'timeMs',
  'jobs',
  'path',
  'exports',
  'knownFailures',
  'strict',
  'corpus',
  'explore',
  'updateFixtures',
  'onRuleResult',
  'onPluginReport',
] as const;

const CLI_NAMES: Record<(typeof CONFORMANCE_KEYS)[number], string> = {
  seed: '--seed',
  only: '--only',
  limits: 'limits',
  runs: '--runs',
  depth: '--quick/--thorough',
  timeMs: '--time',
  jobs: '--jobs',
  path: '--path',
  exports: '--export',
  knownFailures: '--expect',
  strict: '--strict',
  corpus: '--corpus',
  explore: '--explore',
  updateFixtures: '--update-fixtures',
  onRuleResult: 'onRuleResult',
  onPluginReport: 'onPluginReport',
};

/** A fast-check path: case indices separated by colons, as a failure's replay prints it. */
const PATH = /^\d+(:\d+)*$/;

/**
 * Checks every option before anything runs: a bad value is a UsageError naming the option (as
 * `seed` for a JS caller, `--seed` for the CLI), never a TypeError or a fast-check error
 * halfway through a run. Returns the rules the run selects.
 */
export function checkConformanceOptions(
  options: unknown,
  spec: SpecIndex,
  naming: OptionNaming = 'api',
): string[] {
  const given = checkOptionsObject('runConformance options', options ?? {}, CONFORMANCE_KEYS);
  const name = (key: (typeof CONFORMANCE_KEYS)[number]): string =>
    naming === 'cli' ? CLI_NAMES[key] : key;
  if (given['seed'] !== undefined) checkSeed(name('seed'), given['seed'], naming === 'cli');
  if (given['runs'] !== undefined) {
    checkPositiveInteger(
      name('runs'),
      given['runs'],
      ' (a property rule that runs no case proves nothing)',
    );
  }
  for (const key of ['timeMs', 'jobs'] as const) {
    if (given[key] !== undefined) checkPositiveInteger(name(key), given[key]);
  }
  if (given['timeMs'] !== undefined && given['path'] !== undefined) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `${name('timeMs')} and ${name('path')} are exclusive: a replay runs the one case its path names`,
    );
  }
  const depth = given['depth'];
  if (depth !== undefined && (typeof depth !== 'string' || !(depth in DEPTHS))) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `${name('depth')} must be one of ${Object.keys(DEPTHS).join(', ')}, got ${describeValue(depth)}`,
    );
  }
  const limits = given['limits'];
  if (limits !== undefined) {
    const entries = spec.limitEntries;
    const limitKeys = entries.map((entry) => entry.name);
    const table = checkOptionsObject(name('limits'), limits, limitKeys);
    for (const entry of entries) {
      const value = table[entry.name];
      if (value === undefined) continue;
      const label = naming === 'cli' ? entry.option : `limits.${entry.name} (${entry.option})`;
      checkPositiveInteger(label, value);
    }
  }
  let only: string[] | undefined;
  if (given['only'] !== undefined) {
    only = checkNameList(name('only'), given['only'], 'rule ids');
    const ids = [...spec.rulesById.keys()];
    for (const id of only) {
      if (!spec.rulesById.has(id)) {
        throw new UsageError(
          'ZC_UNKNOWN_RULE',
          `${name('only')} ${id}: unknown rule${didYouMean(id, ids, 'see --list-rules')}`,
        );
      }
    }
  }
  if (given['exports'] !== undefined) {
    const fuzzable = callableExports(spec);
    for (const exportName of checkNameList(name('exports'), given['exports'], 'export names')) {
      if (!fuzzable.includes(exportName)) {
        throw new UsageError(
          'ZC_UNKNOWN_EXPORT',
          `${name('exports')} ${exportName}: not an export the spec fuzzes${didYouMean(exportName, fuzzable, `fuzzed: ${fuzzable.join(', ')}`)}`,
        );
      }
    }
  }
  const path = given['path'];
  if (path !== undefined) {
    if (typeof path !== 'string' || !PATH.test(path)) {
      throw new UsageError(
        'ZC_BAD_OPTION',
        `${name('path')} must be a fast-check path such as 12:0:3 (case numbers separated by colons, as a replay command prints it), got ${typeof path === 'string' ? JSON.stringify(path) : describeValue(path)}`,
      );
    }
    // A path indexes one property's cases: applied to several rules it would replay a
    // different case in each, or none.
    const rule = only?.length === 1 ? spec.rulesById.get(only[0]!) : undefined;
    if (rule?.kind !== 'property') {
      const named = !only
        ? 'none'
        : only.length !== 1
          ? `${only.length} rules`
          : `${only[0]}, a ${rule?.kind ?? 'unknown'} rule`;
      throw new UsageError(
        'ZC_BAD_OPTION',
        `${name('path')} replays a case of one property rule: ${name('only')} must name exactly one property rule, as in the replay command (got ${named})`,
      );
    }
  }
  if (given['knownFailures'] !== undefined) {
    validateKnownFailures(given['knownFailures'], spec, name('knownFailures'), { wrapped: false });
  }
  if (given['strict'] !== undefined) checkBoolean(name('strict'), given['strict']);
  if (given['updateFixtures'] !== undefined) {
    checkBoolean(name('updateFixtures'), given['updateFixtures']);
  }
  if (given['corpus'] !== undefined) checkCorpusOption(name('corpus'), given['corpus']);
  if (given['explore'] !== undefined) {
    checkExploreOption(name('explore'), given['explore'], naming === 'cli');
  }
  for (const key of ['onRuleResult', 'onPluginReport'] as const) {
    if (given[key] !== undefined) checkFunction(key, given[key]);
  }
  return selectRules(spec, only);
}

/** A plugin to check: a path or bytes, with the contract its config declares, if any. */
export type PluginTarget =
  string | Uint8Array | { plugin: string | Uint8Array; contract?: PluginContract };

const isSource = (item: unknown): item is string | Uint8Array =>
  (typeof item === 'string' && item !== '') || item instanceof Uint8Array;

function checkPlugins(
  plugins: unknown,
): Array<{ plugin: string | Uint8Array; contract?: PluginContract }> {
  const list =
    typeof plugins === 'string' || plugins instanceof Uint8Array || !Array.isArray(plugins)
      ? [plugins]
      : (plugins as unknown[]);
  const targets = list.map((item) => {
    if (isSource(item)) return { plugin: item };
    if (typeof item === 'object' && item !== null && 'plugin' in item) {
      const target = item as { plugin: unknown; contract?: unknown };
      if (isSource(target.plugin)) {
        if (
          target.contract !== undefined &&
          (typeof target.contract !== 'object' || target.contract === null)
        ) {
          throw new UsageError(
            'ZC_BAD_OPTION',
            `a plugin's contract must be an object, got ${describeValue(target.contract)}`,
          );
        }
        return target as { plugin: string | Uint8Array; contract?: PluginContract };
      }
    }
    throw new UsageError(
      'ZC_BAD_OPTION',
      `plugins must be a path, a Uint8Array, { plugin, contract } or a list of them, got ${describeValue(plugins)}`,
    );
  });
  if (targets.length === 0) {
    throw new UsageError('ZC_NO_PLUGINS', 'plugins is empty: no plugin to check');
  }
  return targets;
}

/**
 * This plugin's rules: the selection, less the declared rules (fixtures, properties) its
 * contract does not declare, unless --only named them (they then say why they do not apply).
 */
/** Whether a rule's cases are generated: those are where explored inputs go (every export). */
function isFuzzed(spec: SpecIndex, id: string): boolean {
  return spec.rule(id).kind === 'property';
}

function rulesFor(
  spec: SpecIndex,
  ruleIds: readonly string[],
  contract: CheckContract | undefined,
  only: readonly string[] | undefined,
): string[] {
  return ruleIds.filter((id) => {
    const declared = spec.rule(id).declaredBy;
    return !declared || isDeclared(declared, contract) || (only?.includes(id) ?? false);
  });
}

/**
 * Checks plugins against the Zenith ABI spec and returns the typed report. Plugins are given as
 * paths or bytes. Anything a plugin does (trap, hang, garbage bytes) ends up in the report;
 * only a usage mistake (a bad option, an unknown rule or limit) throws, as a UsageError.
 */
export async function runConformance(
  plugins: PluginTarget | readonly PluginTarget[],
  options: ConformanceOptions = {},
): Promise<ConformanceReport> {
  const spec = new SpecIndex(loadSpec());
  const list = checkPlugins(plugins);
  const ruleIds = checkConformanceOptions(options, spec);
  prewarmSandbox();
  const seed = options.seed ?? DEFAULT_SEED;
  const limits = resolveLimits(spec, options.limits);
  const settings = {
    spec,
    ruleIds,
    seed,
    limits,
    replayArgs: limitArgs(spec, limits),
    property: {
      runs: options.runs ?? DEPTHS[options.depth ?? 'quick'].runs,
      ...(options.path ? { path: options.path } : {}),
      ...(options.exports?.length ? { exports: [...options.exports] } : {}),
    },
    ...(options.onRuleResult ? { onRuleResult: options.onRuleResult } : {}),
    ...(options.knownFailures ? { knownFailures: options.knownFailures } : {}),
    ...(options.strict ? { strict: true } : {}),
  };

  // Contracts are read (fixtures parsed, files found) before anything runs: a mistake in one
  // costs no time.
  const contracts = list.map((target) =>
    target.contract
      ? resolveContract(
          spec,
          target.contract,
          options.updateFixtures ? { updateFixtures: true } : {},
        )
      : undefined,
  );
  const corpus = loadRunCorpus(options.corpus, limits);
  const explore = options.explore ?? DEFAULT_EXPLORE;
  const jobs = options.jobs ?? availableParallelism();
  // Several plugins share the workers: as many at a time as there are jobs (at most one per
  // plugin), each with its part of them. What they report is handed on in plugin order.
  const together = Math.max(1, Math.min(jobs, list.length));
  const jobsEach = Math.max(1, Math.floor(jobs / together));
  // --time is the whole run's: each plugin gets its part, counted from when it starts.
  const budgetEach =
    options.timeMs === undefined ? undefined : (options.timeMs * together) / list.length;
  const reports = await runInOrder(list.length, together, async (index, report) => {
    const { plugin } = list[index]!;
    const contract = contracts[index];
    const budgetEndsAt = budgetEach === undefined ? undefined : performance.now() + budgetEach;
    const rules = rulesFor(spec, ruleIds, contract, options.only);
    const inputs = await pluginInputs(plugin, {
      spec,
      seed,
      limits,
      // What exploration keeps only feeds the property rules' fuzzers: a run of other rules
      // (--only ZC-MOD-001) would wait for it and use none of it.
      explore: explore === false || !rules.some((id) => isFuzzed(spec, id)) ? undefined : explore,
      exploreIsDefault: options.explore === undefined,
      corpus,
    });
    const replayArgs = [
      contract?.configPath ? `--config ${shellQuote(contract.configPath)}` : '',
      settings.replayArgs,
      corpusReplayArgs(options.corpus),
      inputs.replayArgs,
    ]
      .filter(Boolean)
      .join(' ');
    const onRuleResult = options.onRuleResult;
    // The fixtures do not join the fuzzers' corpus: a corpus takes most cases, and a few
    // fixtures would crowd out the generated variety the ABI rules need (measured: the mutation
    // benchmark's echo mutants killed fell from 85 to 74 of 90). A plugin's contract adds rules
    // and leaves the ABI rules' cases as they are; --corpus is how samples reach the fuzzers.
    const checked = await checkPlugin(plugin, {
      ...settings,
      jobs: jobsEach,
      ...(budgetEndsAt !== undefined ? { budgetEndsAt } : {}),
      ...(onRuleResult
        ? { onRuleResult: (source, result) => report(() => onRuleResult(source, result)) }
        : {}),
      ruleIds: rules,
      ...(contract ? { contract } : {}),
      replayArgs,
      property: {
        ...settings.property,
        ...(inputs.corpus.length > 0 ? { corpus: inputs.corpus } : {}),
        ...(inputs.explored.length > 0 ? { explored: inputs.explored } : {}),
        ...(inputs.accepted.length > 0 ? { accepted: inputs.accepted } : {}),
        ...(inputs.trapped.length > 0 ? { trapped: inputs.trapped } : {}),
      },
    });
    if (inputs.exploration) checked.exploration = inputs.exploration;
    report(() => options.onPluginReport?.(checked));
    return checked;
  });

  const passed = reports.filter((report) => report.verdict === 'pass').length;
  const errors = reports.filter((report) => report.verdict === 'error').length;
  const report: ConformanceReport = {
    tool: { name: 'zenith-conform', version: packageVersion(), node: process.version },
    spec: { abi: spec.abi, version: spec.version },
    settings: { seed, runs: settings.property.runs, limits },
    plugins: reports,
    summary: {
      plugins: reports.length,
      passed,
      failed: reports.length - passed - errors,
      errors,
      ok: passed === reports.length,
    },
  };
  if (options.only?.length) report.settings.only = [...options.only];
  if (settings.property.path) report.settings.path = settings.property.path;
  if (settings.property.exports) report.settings.exports = settings.property.exports;
  if (options.strict) report.settings.strict = true;
  if (options.timeMs !== undefined) report.settings.timeMs = options.timeMs;
  if (corpus) {
    report.settings.corpus = {
      samples: corpus.samples.length,
      bytes: corpus.bytes,
      capped: corpus.capped,
    };
  }
  if (explore) {
    const { timeMs, iterations } = explore;
    report.settings.explore = {
      ...(timeMs !== undefined ? { timeMs: Math.max(1, Math.round(timeMs)) } : {}),
      ...(iterations !== undefined ? { iterations } : {}),
    };
  }
  return report;
}
