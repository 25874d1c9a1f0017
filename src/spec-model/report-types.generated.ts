/* Generated from spec/report.schema.json by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * pass: every must rule passed or was skipped. fail: a must rule failed. error: the plugin could not be checked (unreadable path).
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Verdict".
 */
export type Verdict = 'pass' | 'fail' | 'error';
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Level".
 */
export type Level = 'must' | 'should';
/**
 * pass and fail are verdicts; skip means the rule did not apply or could not run; error means the check itself broke (a zenith-conform bug) and counts as a failure.
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "RuleStatus".
 */
export type RuleStatus = 'pass' | 'fail' | 'skip' | 'error';
/**
 * not-applicable: an optional export is absent. blocked: a rule it depends on did not pass, or an export it needs is missing or was stopped.
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "SkipKind".
 */
export type SkipKind = 'not-applicable' | 'blocked';

/**
 * What `zenith-conform --json` prints and `runConformance` returns: one entry per plugin, one result per rule.
 */
export interface ConformanceReport {
  tool: {
    name: 'zenith-conform';
    version: string;
    /**
     * process.version of the Node.js that ran the checks.
     */
    node: string;
  };
  spec: {
    abi: string;
    version: string;
  };
  settings: RunSettings;
  plugins: PluginReport[];
  summary: RunSummary;
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "RunSettings".
 */
export interface RunSettings {
  /**
   * The seed for every generated value in the run.
   */
  seed: number;
  only?: string[];
  /**
   * The spec's limits as used in this run, by name.
   */
  limits: {
    [k: string]: number;
  };
  /**
   * Cases per property rule (some rules run fewer, costlier cases).
   */
  runs: number;
  /**
   * The fast-check path replayed, when --path was given.
   */
  path?: string;
  /**
   * The sample inputs given (--corpus), after each was cut at maxInputBytes.
   */
  corpus?: {
    samples: number;
    bytes: number;
    /**
     * One line per sample that was cut at maxInputBytes.
     */
    capped: string[];
  };
  /**
   * The exploration budget (--explore, --explore-iterations); each plugin's exploration says what it did.
   */
  explore?: {
    timeMs?: number;
    iterations?: number;
  };
  /**
   * Exports property rules were restricted to.
   */
  exports?: string[];
  /**
   * should failures and warnings fail the run.
   */
  strict?: boolean;
  /**
   * --time: the run's time budget in ms, shared by each plugin's property rules (cases then depend on the machine).
   */
  timeMs?: number;
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "PluginReport".
 */
export interface PluginReport {
  /**
   * The path given, or <bytes> for an in-memory module.
   */
  source: string;
  sha256?: string;
  sizeBytes?: number;
  info?: PluginInfo;
  verdict: Verdict;
  /**
   * Why the plugin could not be checked at all (verdict error).
   */
  error?: {
    code: string;
    message: string;
  };
  results: RuleResult[];
  counts: RuleCounts;
  durationMs?: number;
  exploration?: Exploration;
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "PluginInfo".
 */
export interface PluginInfo {
  /**
   * What plugin_info returned.
   */
  text: string;
  name?: string;
  version?: string;
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "RuleResult".
 */
export interface RuleResult {
  rule: string;
  level: Level;
  area: string;
  description: string;
  status: RuleStatus;
  skipKind?: SkipKind;
  /**
   * One line: what passed, what failed, or why it was skipped.
   */
  message: string;
  /**
   * Present when status is fail: one entry per problem found.
   */
  failures?: Failure[];
  durationMs: number;
  expectation?: Expectation;
  /**
   * For property rules: what the fuzzed calls returned, per export.
   */
  census?: Census[];
  /**
   * What weakens this verdict without failing it (a census below the threshold); --strict fails on them.
   */
  warnings?: string[];
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Failure".
 */
export interface Failure {
  expected: string;
  found: string;
  /**
   * The export, import, section or call the failure is about.
   */
  where?: string;
  /**
   * The export call that showed the failure, with its arguments.
   */
  call?: string;
  /**
   * A line diff of the expected and the found output (- expected, + found), when both are text.
   */
  diff?: string;
  /**
   * A command that reproduces the failure.
   */
  replay?: string;
  output?: CapturedOutput;
  counterexample?: Counterexample;
}
/**
 * What the plugin wrote during the calls behind a result, capped.
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "CapturedOutput".
 */
export interface CapturedOutput {
  stdout: string;
  stderr: string;
  log: string[];
  /**
   * Bytes past the capture cap.
   */
  droppedBytes?: number;
}
/**
 * The shrunk generated case a property failed on, and how to replay it.
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Counterexample".
 */
export interface Counterexample {
  /**
   * The case in words: input (hex and UTF-8 preview), placement, capacity.
   */
  case: string;
  seed: number;
  /**
   * fast-check's path to the case; --path replays it.
   */
  path: string;
  /**
   * Cases run up to the first failure.
   */
  runs?: number;
  /**
   * Shrink steps from the first failure to this case.
   */
  shrinks?: number;
}
/**
 * How this result compares with the run's --expect list of known failures.
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Expectation".
 */
export interface Expectation {
  /**
   * expected-failure: failed as listed, not counted against the verdict. unexpected-pass: listed as failing but passed; fails the run so the list is kept current.
   */
  outcome: 'expected-failure' | 'unexpected-pass';
  reason: string;
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Census".
 */
export interface Census {
  export: string;
  /**
   * Calls judged (each case counts once, by its main call).
   */
  cases: number;
  /**
   * Return code (as a decimal string, or trapped / stopped / blocked) to how many cases ended so.
   */
  codes: {
    [k: string]: number;
  };
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "RuleCounts".
 */
export interface RuleCounts {
  pass: number;
  fail: number;
  skip: number;
  mustFailed: number;
  shouldFailed: number;
  error: number;
  expectedFailures?: number;
  unexpectedPasses?: number;
  /**
   * must rules that could not be checked for a reason that is not the plugin's allowed choice: they fail the plugin when nothing else does.
   */
  mustBlocked?: number;
  /**
   * Rules with warnings; with --strict they fail the plugin.
   */
  warnings?: number;
}
/**
 * What coverage-guided exploration (--explore) did before the rules ran; its kept inputs joined the corpus of every property rule.
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Exploration".
 */
export interface Exploration {
  /**
   * Calls of process made; with the seed, all that decides the inputs kept (--explore-iterations replays them).
   */
  iterations: number;
  /**
   * Basic blocks in the module's functions.
   */
  blocks: number;
  /**
   * Blocks some exploration input reached.
   */
  blocksReached: number;
  /**
   * Inputs kept for reaching new blocks.
   */
  kept: number;
  durationMs: number;
  /**
   * Why exploration ended before its budget, or did not run.
   */
  stopped?: string;
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "RunSummary".
 */
export interface RunSummary {
  plugins: number;
  passed: number;
  failed: number;
  errors: number;
  /**
   * True when every plugin's verdict is pass.
   */
  ok: boolean;
  /**
   * k/n when --shard ran part of the plugins.
   */
  shard?: string;
}
