import type {
  ConformanceReport,
  PluginReport,
  RuleResult,
} from '../spec-model/report-types.generated.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { SpecIndex } from '../spec-model/spec-index.js';
import { packageVersion } from '../util/package-root.js';
import { DEPTHS, type DepthName } from '../property/depth.js';
import { callableExports } from '../abi/call-shape.js';
import { UsageError } from '../util/errors.js';
import type { KnownFailure } from './expectations.js';
import { checkPlugin } from './check-plugin.js';
import { limitArgs, resolveLimits } from '../spec-model/limits.js';
import { selectRules } from './select-rules.js';

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
  /** Replays one fast-check path (with the seed that found it); use with one rule. */
  path?: string;
  /** Restricts property rules to these exports. */
  exports?: readonly string[];
  /** Rules plugins are known to fail (see loadKnownFailures); they do not fail the run. */
  knownFailures?: readonly KnownFailure[];
  /** Called as each rule finishes, for progress output. */
  onRuleResult?: (source: string, result: RuleResult) => void;
  /** Called as each plugin's report is complete. */
  onPluginReport?: (report: PluginReport) => void;
}

/**
 * Checks plugins against the Zenith ABI spec and returns the typed report. Plugins are given as
 * paths or bytes. Anything a plugin does (trap, hang, garbage bytes) ends up in the report;
 * only a usage mistake (unknown rule or limit) throws, as a UsageError.
 */
export async function runConformance(
  plugins: string | Uint8Array | ReadonlyArray<string | Uint8Array>,
  options: ConformanceOptions = {},
): Promise<ConformanceReport> {
  const spec = new SpecIndex(loadSpec());
  const list = typeof plugins === 'string' || plugins instanceof Uint8Array ? [plugins] : plugins;
  const seed = options.seed ?? DEFAULT_SEED;
  const limits = resolveLimits(spec, options.limits);
  const ruleIds = selectRules(spec, options.only);
  const fuzzable = callableExports(spec);
  for (const name of options.exports ?? []) {
    if (!fuzzable.includes(name)) {
      throw new UsageError(
        'ZC_UNKNOWN_EXPORT',
        `--export ${name}: not an export the spec fuzzes (${fuzzable.join(', ')})`,
      );
    }
  }
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
  };

  const reports = [];
  for (const plugin of list) {
    const report = await checkPlugin(plugin, settings);
    options.onPluginReport?.(report);
    reports.push(report);
  }

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
  return report;
}
