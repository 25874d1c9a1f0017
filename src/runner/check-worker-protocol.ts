import type { ModuleInfo } from '../wasm/module-info.js';
import type { CheckOutcome, PropertySettings } from '../check/define-check.js';

/** Settings a worker needs to run checks; plain data, so it survives postMessage. */
export interface WorkerSettings {
  source: string;
  seed: number;
  limits: Record<string, number>;
  /** Extra arguments that went into this run, for replay commands (e.g. `--max-memory 1000`). */
  replayArgs: string;
  property: PropertySettings;
}

export interface WorkerStart {
  bytes: Uint8Array;
  /** Absent when the module did not compile; compileError says why. */
  module?: WebAssembly.Module;
  compileError?: string;
  info?: ModuleInfo;
  ruleIds: string[];
  /** Statuses of rules finished by earlier workers of this run, for dependsOn. */
  priorStatuses: Record<string, string>;
  /** Exports that hung earlier in this run, with the reason to give instead of calling them. */
  blockedExports: Record<string, string>;
  watchBuffer: SharedArrayBuffer;
  exportNames: string[];
  settings: WorkerSettings;
}

export type WorkerMessage =
  | { type: 'rule-start'; id: string }
  | { type: 'rule-done'; id: string; outcome: CheckOutcome | InternalError; durationMs: number }
  | { type: 'stopped'; id: string; reason: 'memory-bomb'; exportName: string; detail: string }
  | { type: 'done' };

/** A check that threw: a zenith-conform bug, reported as such rather than as a plugin failure. */
export interface InternalError {
  status: 'error';
  message: string;
  /** The stack, for the JSON report. */
  detail?: string;
}
