import type { CheckRunSettings } from '../check/plugin-under-test.js';
import type { CheckOutcome } from '../check/define-check.js';
import type { WatchedCall } from '../host/call-watch.js';
import type { HostStopReason } from '../host/traps.js';
import type { ModuleInfo } from '../wasm/module-info.js';

export interface CheckWorkerJob {
  bytes: Uint8Array;
  /** Set when the module did not compile: why. The worker compiles the module otherwise. */
  compileError?: string;
  info?: ModuleInfo;
  /** Exports that were stopped earlier in this run, with the reason to give instead of calling them. */
  blockedExports: Record<string, string>;
  watchBuffer: SharedArrayBuffer;
  exportNames: string[];
  settings: CheckRunSettings;
}

/**
 * What the check worker is told after its job, in order: rules to run (queued, run one at a
 * time) and, when its run has no more for it, close (it then says done).
 */
export type CheckWorkerCommand =
  | {
      type: 'rule';
      id: string;
      /** Statuses of rules finished elsewhere in this run, for dependsOn (the worker adds its own). */
      statuses: Record<string, string>;
      /** This rule's share of a --time budget: its property keeps making cases this long. */
      budgetMs?: number;
    }
  | { type: 'close' };

/** What the check worker reports besides the supervisor's notices, in rule order. */
export type CheckWorkerMessage =
  | { type: 'rule-start'; id: string }
  | { type: 'rule-done'; id: string; outcome: CheckOutcome | InternalError; durationMs: number }
  /** A call the host stopped itself (memory past the limit, a log flood), with its case. */
  | { type: 'host-stop'; reason: HostStopReason; call: WatchedCall; detail: string };

/** A check that threw: a zenith-conform bug, reported as such rather than as a plugin failure. */
export interface InternalError {
  status: 'error';
  message: string;
  /** The stack, for the JSON report. */
  detail?: string;
}
