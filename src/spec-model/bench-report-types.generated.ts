/* Generated from spec/bench-report.schema.json by `npm run generate` (json-schema-to-typescript). Do not edit. */

/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "CaseResult".
 */
export type CaseResult = MeasuredCase | RejectedCase | ErrorCase;
/**
 * bytes: seeded bytes. text: UTF-8 words and the spec's whitespace. header+payload: a profile's process header then its payload. pixels+params: the payload with a params struct. file: --input.
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "InputKind".
 */
export type InputKind = 'bytes' | 'text' | 'header+payload' | 'pixels+params' | 'file';
/**
 * From the two runs' 95% confidence intervals of the mean: slower when this run's interval lies wholly above the baseline's, faster when wholly below, inconclusive when they overlap. not-compared: a side has no timing, or the inputs differ.
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "TimeVerdict".
 */
export type TimeVerdict = 'faster' | 'slower' | 'inconclusive' | 'not-compared';

/**
 * What `zenith-conform bench --json` prints, `--out` writes as report.json and `runBench` returns: one entry per plugin, one case per benchmarked export and input size.
 */
export interface BenchReport {
  tool: {
    name: 'zenith-conform';
    /**
     * The suite version that measured this report.
     */
    version: string;
  };
  spec: {
    abi: string;
    version: string;
  };
  environment: Environment;
  settings: BenchSettings;
  plugins: PluginBench[];
  comparison?: Comparison;
  gate?: Gate;
  summary: BenchSummary;
}
/**
 * Where the numbers were measured: wall-clock figures only compare within one environment.
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "Environment".
 */
export interface Environment {
  /**
   * process.version
   */
  node: string;
  /**
   * process.versions.v8
   */
  v8: string;
  platform: string;
  arch: string;
  /**
   * The CPU model, as os.cpus() names it.
   */
  cpu: string;
  cores: number;
  /**
   * When the run started, as an ISO 8601 timestamp.
   */
  date: string;
  /**
   * The tinybench version that timed the harness and JavaScript tasks.
   */
  tinybench: string;
  /**
   * The binaryen version that instrumented modules for instruction counts, when counted.
   */
  binaryen?: string;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "BenchSettings".
 */
export interface BenchSettings {
  /**
   * Requested input sizes in bytes (--sizes); ignored with --input.
   */
  sizes: number[];
  /**
   * Time budget per timed task (--time).
   */
  timeMs: number;
  /**
   * Warm-up budget per timed task (--warmup).
   */
  warmupMs: number;
  /**
   * A --quick run: fewer sizes and a short timing run by default, for pull-request checks; instruction counts as in a full run.
   */
  quick?: boolean;
  /**
   * Seed of the generated inputs.
   */
  seed: number;
  /**
   * The user's input file (--input), used instead of generated inputs.
   */
  input?: {
    path: string;
    bytes: number;
  };
  /**
   * Exports the run was restricted to (--export).
   */
  exports?: string[];
  /**
   * Whether instructions were counted (false with --no-instructions).
   */
  instructions: boolean;
  /**
   * Deadline for one plugin's whole bench (--plugin-timeout), not counting the host's own work.
   */
  pluginTimeoutMs: number;
  /**
   * The largest input the host passes (--max-input-size); larger sizes are refused before the run.
   */
  maxInputBytes?: number;
  /**
   * The plugin's memory limit (--max-memory), enforced inside the module.
   */
  maxMemoryBytes?: number;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "PluginBench".
 */
export interface PluginBench {
  /**
   * The path as given.
   */
  source: string;
  /**
   * Of the file's bytes; empty when the file could not be read.
   */
  sha256: string;
  bytes: number;
  /**
   * What plugin_info returned (`echo v1.0.0`), or null when it could not be read.
   */
  info: string | null;
  /**
   * error: the plugin could not be benchmarked to the end (unreadable, did not compile or start, trapped, or passed the deadline); `error` says why, and the cases finished before it are kept.
   */
  status: 'ok' | 'error';
  error?: string;
  /**
   * Set when the plugin file could not be read (ZC_NOT_FOUND, ZC_IS_DIRECTORY, ...): a usage error, exit code 2.
   */
  errorCode?: string;
  timings?: StartupTimings;
  jsBaseline: JsBaselineChoice | null;
  instructions: InstructionCounting;
  cases: CaseResult[];
}
/**
 * One-off costs, measured once per plugin in a fresh worker (single samples: indicative only).
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "StartupTimings".
 */
export interface StartupTimings {
  /**
   * WebAssembly.compile of the file's bytes.
   */
  compileMs: number;
  /**
   * Instantiation plus `_initialize` and `init` when exported.
   */
  instantiateMs: number;
  /**
   * The first export call of the first case, on the instance just timed (V8 compiles functions lazily on first call); absent when no case got that far.
   */
  firstCallMs?: number;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "JsBaselineChoice".
 */
export interface JsBaselineChoice {
  name: 'copy' | 'tokenizer' | 'resize';
  /**
   * Why this baseline was picked for the plugin.
   */
  rule: string;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "InstructionCounting".
 */
export interface InstructionCounting {
  /**
   * skipped: --no-instructions. unavailable: the module could not be instrumented, or a case could not be counted; `message` says why.
   */
  status: 'counted' | 'skipped' | 'unavailable';
  message?: string;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "MeasuredCase".
 */
export interface MeasuredCase {
  status: 'measured';
  export: string;
  /**
   * The requested size (the file's size with --input).
   */
  size: number;
  /**
   * Bytes the call reads (input buffer plus params struct); MB/s counts these.
   */
  inputBytes: number;
  inputKind: InputKind;
  /**
   * Of the input (and params) bytes: runs compare only cases with the same input.
   */
  inputSha256: string;
  /**
   * The input in words, e.g. `text, 1024 bytes` or `140x156 px to 70x78`.
   */
  input: string;
  outputBytes: number;
  /**
   * 64 KiB pages with the buffers placed, before the first call and after the timed runs.
   */
  memoryPages: {
    before: number;
    after: number;
  };
  harness: TimedStats;
  raw: RawStats;
  /**
   * What the harness adds: the median, over the rounds in which raw loop and harness alternate, of the harness mean / raw mean within the round. 1.00 means the harness adds nothing.
   */
  harnessOverhead: number;
  js?: JsResult;
  /**
   * js.stats.p50Ms / harness.p50Ms (the medians, as the reports' headline): above 1 the plugin is faster than the JavaScript baseline.
   */
  jsOverWasm?: number;
  instructions?: Instructions;
}
/**
 * Per-call latency statistics of a tinybench task (one sample per call). ops/s is 1000 / meanMs; moeMs is the half-width of the 95% confidence interval of the mean. The reports' headline is the median (p50Ms) with its 95% interval (p50LowMs to p50HighMs).
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "TimedStats".
 */
export interface TimedStats {
  opsPerSec: number;
  /**
   * Input bytes per second / 1e6.
   */
  mbPerSec: number;
  meanMs: number;
  p50Ms: number;
  /**
   * Lower end of the distribution-free 95% confidence interval of the median (an order statistic of the samples).
   */
  p50LowMs?: number;
  /**
   * Upper end of that interval.
   */
  p50HighMs?: number;
  p99Ms: number;
  minMs: number;
  maxMs: number;
  sdMs: number;
  moeMs: number;
  /**
   * Relative margin of error of the mean, in percent.
   */
  rme: number;
  samples: number;
  /**
   * Samples whose modified z-score (0.6745 (x - median) / MAD) is above 14 (hyperfine's threshold; the MAD is at least one clock tick).
   */
  outliers?: number;
}
/**
 * The raw baseline: a bare loop calling the export on the same resident buffers, timed in batches; each sample is one batch's mean per-call time.
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "RawStats".
 */
export interface RawStats {
  opsPerSec: number;
  mbPerSec: number;
  meanMs: number;
  /**
   * Median of the batch means (ms per call).
   */
  p50Ms?: number;
  moeMs: number;
  rme: number;
  samples: number;
  callsPerSample: number;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "JsResult".
 */
export interface JsResult {
  baseline: 'copy' | 'tokenizer' | 'resize';
  /**
   * Whether the JavaScript output equals the plugin's output on this input; a ratio is only given when it does.
   */
  matches: boolean;
  stats?: TimedStats;
  note?: string;
}
/**
 * Deterministic cost: wasm instructions counted by a binaryen-instrumented copy of the module, for one steady-state call (the second on a fresh instance). Each function entry adds the instructions of its body outside loops; each loop iteration adds the instructions of the loop body outside nested loops.
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "Instructions".
 */
export interface Instructions {
  perCall: number;
  perByte: number;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "RejectedCase".
 */
export interface RejectedCase {
  status: 'rejected';
  export: string;
  size: number;
  inputBytes: number;
  inputKind: InputKind;
  inputSha256: string;
  input: string;
  /**
   * The non-zero return code of the first call; the case is not timed.
   */
  code: number;
  message: string;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "ErrorCase".
 */
export interface ErrorCase {
  status: 'error';
  export: string;
  size: number;
  inputBytes?: number;
  inputKind?: InputKind;
  inputSha256?: string;
  input?: string;
  /**
   * What went wrong: a trap, a hang past the deadline, a memory bomb, or buffers that could not be placed.
   */
  message: string;
}
/**
 * This run against --baseline, case by case.
 *
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "Comparison".
 */
export interface Comparison {
  baseline: {
    path: string;
    version: string;
    node: string;
    cpu: string;
    date: string;
  };
  cases: CaseComparison[];
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "CaseComparison".
 */
export interface CaseComparison {
  /**
   * The plugin's name from plugin_info (the file name when it has none).
   */
  plugin: string;
  export: string;
  size: number;
  time: {
    verdict: TimeVerdict;
    baselineMeanMs?: number;
    currentMeanMs?: number;
    /**
     * (current mean / baseline mean - 1) * 100: positive is slower.
     */
    changePercent?: number;
    /**
     * Lowest current/baseline time ratio both intervals allow: (current - moe) / (baseline + moe).
     */
    ratioLow?: number;
    /**
     * Highest ratio both intervals allow; null when the baseline interval reaches zero.
     */
    ratioHigh?: number | null;
  };
  instructions: {
    verdict: 'same' | 'more' | 'fewer' | 'not-compared';
    baseline?: number;
    current?: number;
  };
  /**
   * Set when the case is not measured on both sides: `new`, `missing`, or the two statuses (`measured -> rejected`).
   */
  status?: string;
  /**
   * Whether this case fails --fail-on-regression: slower beyond the threshold with confidence, more instructions, or measured before and not now.
   */
  regression: boolean;
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "Gate".
 */
export interface Gate {
  ok: boolean;
  failOnRegressionPercent?: number;
  maxInstructionsPerByte?: number;
  /**
   * One line per case that failed a gate.
   */
  failures: string[];
}
/**
 * This interface was referenced by `BenchReport`'s JSON-Schema
 * via the `definition` "BenchSummary".
 */
export interface BenchSummary {
  plugins: number;
  cases: number;
  measured: number;
  rejected: number;
  /**
   * Cases that errored plus plugins that stopped with an error.
   */
  errors: number;
}
