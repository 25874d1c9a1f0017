import type { ConformanceReport, RuleResult } from '../report/report-types.generated.js';
import { loadSpec } from '../spec/load-spec.js';
import { SpecIndex } from '../spec/spec-index.js';
import { packageVersion } from '../util/package-root.js';
import { checkPlugin } from './check-plugin.js';
import { limitArgs, resolveLimits, selectRules } from './select-rules.js';

/** The seed used when none is given, so that two runs of the same plugin agree. */
export const DEFAULT_SEED = 42;

export interface ConformanceOptions {
  /** Seeds every generated value (and the plugin's deterministic clock and randomness). */
  seed?: number;
  /** Rule ids to run; their dependencies run too. Default: every rule. */
  only?: readonly string[];
  /** Overrides of the spec's limits, by limit name (e.g. `{ callTimeoutMs: 500 }`). */
  limits?: Readonly<Record<string, number | undefined>>;
  /** Called as each rule finishes, for progress output. */
  onRuleResult?: (source: string, result: RuleResult) => void;
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
  const settings = {
    spec,
    ruleIds,
    seed,
    limits,
    replayArgs: limitArgs(spec, limits),
    ...(options.onRuleResult ? { onRuleResult: options.onRuleResult } : {}),
  };

  const reports = [];
  for (const plugin of list) reports.push(await checkPlugin(plugin, settings));

  const passed = reports.filter((report) => report.verdict === 'pass').length;
  const errors = reports.filter((report) => report.verdict === 'error').length;
  const report: ConformanceReport = {
    tool: { name: 'zenith-conform', version: packageVersion(), node: process.version },
    spec: { abi: spec.spec.abi, version: spec.spec.version },
    settings: { seed, limits },
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
  return report;
}
