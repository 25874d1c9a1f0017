import type { Rule } from '../spec-model/abi-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { Failure, PluginInfo } from '../spec-model/report-types.generated.js';
import type { ModuleInfo } from '../wasm/module-info.js';
import type { PluginSetup } from '../host/lifecycle.js';
import type { Determinism } from '../host/wasi-preview1.js';
import type { CannedExercise } from './canned-exercise.js';

/**
 * What a check file exports: the rule id it implements (its file name too) and the code that
 * decides it. The rule's level, description and scope live in the spec, not here.
 */
export interface Check {
  readonly id: string;
  run(ctx: CheckContext): CheckOutcome | Promise<CheckOutcome>;
}

/** What a check learned about the plugin that the report shows outside the rule's result. */
export interface PluginFacts {
  info?: PluginInfo;
}

export type CheckOutcome =
  | { status: 'pass'; message: string; facts?: PluginFacts }
  | { status: 'fail'; message: string; failures: Failure[]; facts?: PluginFacts }
  | { status: 'skip'; skipKind: 'not-applicable' | 'blocked'; message: string };

export type CompileResult =
  { ok: true; module: WebAssembly.Module; info: ModuleInfo } | { ok: false; message: string };

export interface PropertySettings {
  runs: number;
  path?: string;
  exports?: string[];
}

export type ExportState = 'ok' | 'missing' | 'wrong-kind' | 'wrong-signature';

export interface CheckContext {
  readonly spec: SpecIndex;
  readonly rule: Rule;
  readonly bytes: Uint8Array;
  readonly compiled: CompileResult;
  /** Limits for this run: the spec's defaults with the user's overrides. */
  readonly limits: Readonly<Record<string, number>>;
  readonly seed: number;
  /** Why an export must not be called in this run (it hung or bombed earlier), if so. */
  blockedReason(exportName: string): string | undefined;
  /** Whether an export exists with the spec's kind and signature. */
  exportState(name: string): ExportState;
  /** A new instance through `_initialize` and (unless told otherwise) `init`. */
  startPlugin(options?: { runInit?: boolean; determinism?: Partial<Determinism> }): PluginSetup;
  /** The shared canned run (init, plugin_info, process on fixed inputs, cleanup), done once. */
  cannedExercise(): CannedExercise;
  /** Property settings: cases per property, a path to replay, exports to restrict to. */
  readonly property: PropertySettings;
  /** Labels the current property case, so a hang can be reported with its replay path. */
  markCase(index: number, input?: Uint8Array): void;
  /** The command that reruns just this rule on this plugin. */
  replayCommand(extraArgs?: string): string;
}

export const defineCheck = (id: string, run: Check['run']): Check => ({ id, run });

export const pass = (message: string): CheckOutcome => ({ status: 'pass', message });

export const fail = (message: string, failures: Failure[]): CheckOutcome => ({
  status: 'fail',
  message,
  failures,
});

export const notApplicable = (message: string): CheckOutcome => ({
  status: 'skip',
  skipKind: 'not-applicable',
  message,
});

export const blocked = (message: string): CheckOutcome => ({
  status: 'skip',
  skipKind: 'blocked',
  message,
});
