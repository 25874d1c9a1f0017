export { runConformance, DEFAULT_SEED, type ConformanceOptions } from './runner/run-conformance.js';
export { UsageError } from './runner/errors.js';
export { loadKnownFailures, type KnownFailure } from './runner/expectations.js';
export { loadSpec } from './spec/load-spec.js';
export type { ZenithAbiSpec, Rule, ExportSpec } from './spec/abi-types.generated.js';
export type {
  ConformanceReport,
  PluginReport,
  RuleResult,
  Failure,
  RuleStatus,
  Verdict,
} from './report/report-types.generated.js';
export { runBench, type BenchOptions } from './bench/run-bench.js';
export { writeReports } from './bench/write-reports.js';
export type { BenchReport, PluginBench, CaseResult } from './bench/report-types.generated.js';
