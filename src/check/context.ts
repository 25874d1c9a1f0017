import type { WorkMeter } from '../host/work-meter.js';
import type { PluginSetup } from '../host/lifecycle.js';
import type { PluginModule } from '../host/plugin-module.js';
import type { Determinism } from '../host/wasi-preview1.js';
import type { Rule } from '../spec-model/abi-types.generated.js';
import type { Limits } from '../spec-model/limits.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { ModuleInfo } from '../wasm/module-info.js';
import type { CannedExercise } from './canned-exercise.js';
import type { CheckContract } from '../contract/contract.js';

export type CompileResult =
  { ok: true; plugin: PluginModule; info: ModuleInfo } | { ok: false; message: string };

export interface PropertySettings {
  runs: number;
  path?: string;
  exports?: string[];
  /** The author's sample inputs (--corpus), each within maxInputBytes. */
  corpus?: readonly Uint8Array[];
  /** Inputs the coverage-guided exploration kept, each within maxInputBytes. */
  explored?: readonly Uint8Array[];
  /** Inputs the exploration saw `process` accept with output (at most 32). */
  accepted?: readonly Uint8Array[];
  /** Inputs that trapped `process` during exploration: at most 8. */
  trapped?: readonly Uint8Array[];
  /**
   * --time: this rule's share of the run's time budget. Its property keeps making cases until
   * the share is spent, and runs at least `runs` cases whatever the clock says.
   */
  budgetMs?: number;
}

export type ExportState = 'ok' | 'missing' | 'wrong-kind' | 'wrong-signature';

/** Everything a check may ask about the plugin under test and the run it is part of. */
/** How a check's instance is started. */
export interface StartOptions {
  /** Run `init` (default true); false leaves it to the check (the lifecycle rules). */
  runInit?: boolean;
  determinism?: Partial<Determinism>;
  /** Adds up the work of the instance's calls: a property rule's budget (src/host/work-meter.ts). */
  work?: WorkMeter;
}

export interface CheckContext {
  readonly spec: SpecIndex;
  readonly rule: Rule;
  readonly bytes: Uint8Array;
  readonly compiled: CompileResult;
  /** Limits for this run: the spec's defaults with the user's overrides. */
  readonly limits: Limits;
  readonly seed: number;
  /** Why an export must not be called in this run (it hung or bombed earlier), if so. */
  blockedReason(exportName: string): string | undefined;
  /** Whether an export exists with the spec's kind and signature. */
  exportState(name: string): ExportState;
  /** A new instance through `_initialize` and (unless told otherwise) `init`. */
  startPlugin(options?: StartOptions): PluginSetup;
  /**
   * An instance of another module (a declared `inverse`) on the same host: same determinism,
   * limits and call watch, so a companion that hangs or bombs is stopped like the plugin.
   */
  startCompanion(module: PluginModule): PluginSetup;
  /** The shared canned run (init, plugin_info, process on fixed inputs, cleanup), done once. */
  cannedExercise(): CannedExercise;
  /** Property settings: cases per property, a path to replay, exports to restrict to. */
  readonly property: PropertySettings;
  /** What the plugin's config declares about it (fixtures, properties); none without one. */
  readonly contract: CheckContract | undefined;
  /** Labels the current property case, so a hang can be reported with its replay path. */
  markCase(index: number, input?: Uint8Array): void;
  /** The command that reruns just this rule on this plugin. */
  replayCommand(extraArgs?: string): string;
}
