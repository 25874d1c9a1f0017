import type { CheckOutcome } from '../check/define-check.js';
import { gateRule, gateStatus } from '../check/gate-rule.js';
import { exportStateOf } from '../check/export-state.js';
import type { CheckRunSettings } from '../check/plugin-under-test.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { CallWatchSettings } from '../supervise/supervisor.js';
import type { ModuleInfo } from '../wasm/module-info.js';
import type { CheckWorkerCommand, CheckWorkerJob, InternalError } from './check-worker-protocol.js';

/**
 * What the one-worker loop (run-checks) and the pool (rule-pool) both need to drive check
 * workers: the run, the worker's entry and job, and the command that runs one rule.
 */
export interface ChecksRun {
  bytes: Uint8Array;
  compileError?: string;
  info?: ModuleInfo;
  exportNames: string[];
  ruleIds: string[];
  settings: CheckRunSettings;
  spec: SpecIndex;
  /** Called once per rule as its verdict is known, in the run's rule order, for progress output. */
  onRuleDone?: (record: RuleRunRecord) => void;
  /** Workers to share the rules between (--jobs); 1 runs them in turn in one worker. */
  jobs?: number;
  /** --time: when (performance.now()) the property rules' time budget ends. */
  budgetEndsAt?: number;
}

export interface RuleRunRecord {
  id: string;
  outcome: CheckOutcome | InternalError;
  durationMs: number;
}

export const CHECK_WORKER = new URL(
  import.meta.url.endsWith('.ts') ? './check-worker.ts' : './check-worker.js',
  import.meta.url,
);

/** A check worker's job for this run: the plugin, its settings, the exports not to call. */
export function workerJob(
  run: ChecksRun,
  blockedExports: Record<string, string>,
): Omit<CheckWorkerJob, 'watchBuffer'> {
  return {
    bytes: run.bytes,
    blockedExports: { ...blockedExports },
    exportNames: run.exportNames,
    settings: run.settings,
    ...(run.info ? { info: run.info } : {}),
    ...(run.compileError !== undefined ? { compileError: run.compileError } : {}),
  };
}

/** How the supervisor watches a check worker's calls: the run's call deadline. */
export const watchSettings = (run: ChecksRun): CallWatchSettings => ({
  exportNames: run.exportNames,
  callTimeoutMs: run.settings.limits.callTimeoutMs,
  callTimeoutMsPerMiB: run.settings.limits.callTimeoutMsPerMiB,
});

/**
 * The command that runs one rule. With --time, a property rule gets its share of what is left
 * of the budget: the time the workers have left before it ends, less what the rules running
 * on them were already given, over the property rules still to start that will run (this one
 * included); and never past the budget's end.
 */
export function ruleCommand(
  run: ChecksRun,
  id: string,
  statuses: Record<string, string>,
  notStarted: readonly string[],
  capacity: { workers: number; committedMs: number },
): CheckWorkerCommand {
  const command: CheckWorkerCommand = { type: 'rule', id, statuses };
  if (run.budgetEndsAt !== undefined && run.spec.rule(id).kind === 'property') {
    const left = Math.max(0, run.budgetEndsAt - performance.now());
    const sharing =
      1 + notStarted.filter((ruleId) => ruleId !== id && budgetedRuleWillRun(run, ruleId)).length;
    const free = Math.max(0, left * capacity.workers - capacity.committedMs);
    command.budgetMs = Math.floor(Math.min(left, free / sharing));
  }
  return command;
}

/**
 * Whether a rule not yet started will make property cases: a property rule its gate lets
 * through, read from the module's exports and contract (dependencies assumed to pass).
 */
function budgetedRuleWillRun(run: ChecksRun, id: string): boolean {
  const rule = run.spec.rule(id);
  const info = run.info;
  if (rule.kind !== 'property' || !info) return false;
  const state = {
    spec: run.spec,
    exportState: (name: string) => exportStateOf(info, run.spec, name),
    contract: run.settings.contract,
  };
  const passing = Object.fromEntries((rule.dependsOn ?? []).map((dep) => [dep, 'pass']));
  return gateRule(rule, state, passing) === undefined;
}

/** The statuses of finished rules, as gating reads them (a command carries them to a worker). */
export const statusesOf = (records: Iterable<RuleRunRecord>): Record<string, string> =>
  Object.fromEntries([...records].map((entry) => [entry.id, gateStatus(entry.outcome)]));
