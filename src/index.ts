export {
  runConformance,
  DEFAULT_SEED,
  type ConformanceOptions,
  type PluginTarget,
} from './runner/run-conformance.js';
export type { PluginContract, DeclaredProperties } from './contract/contract.js';
export type { ZenithConformConfig } from './spec-model/config-types.generated.js';
export { UsageError } from './util/errors.js';
export { sanitizeText } from './util/sanitize.js';
export { loadKnownFailures, type KnownFailure } from './runner/expectations.js';
export { loadSpec } from './spec-model/load-spec.js';
export type { ZenithAbiSpec, Rule, ExportSpec } from './spec-model/abi-types.generated.js';
export type {
  ConformanceReport,
  PluginReport,
  RuleResult,
  Failure,
  RuleStatus,
  Verdict,
} from './spec-model/report-types.generated.js';
export { runBench, type BenchOptions } from './bench/run-bench.js';
export { writeReports } from './bench/write-reports.js';
export type {
  BenchReport,
  PluginBench,
  CaseResult,
} from './spec-model/bench-report-types.generated.js';
export { inspectPlugin } from './inspect/inspect-plugin.js';
export type { InspectReport, InspectResult } from './inspect/inspect-types.js';
