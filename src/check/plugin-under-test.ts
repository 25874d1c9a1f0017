import type { Rule } from '../spec-model/abi-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import type { CallWatch } from '../host/call-watch.js';
import { startPlugin, type PluginSetup } from '../host/lifecycle.js';
import type { Determinism } from '../host/wasi-preview1.js';
import { runCannedExercise, type CannedExercise } from './canned-exercise.js';
import type { CheckContext, CompileResult, ExportState } from './define-check.js';
import { replayCommand } from './replay.js';
import type { WorkerSettings } from '../runner/check-worker-protocol.js';

/** The clock a plugin sees by default: fixed, so runs are reproducible (2023-11-14T22:13:20Z). */
export const DEFAULT_CLOCK_START_NS = 1_700_000_000_000_000_000n;
/** Characters of plugin output kept per instance for the report. */
const CAPTURE_LIMIT = 16 * 1024;

/** What every check in one worker shares: the compiled module, settings, and memoized runs. */
export class WorkerState {
  private exercise: CannedExercise | undefined;

  constructor(
    readonly spec: SpecIndex,
    readonly bytes: Uint8Array,
    readonly compiled: CompileResult,
    readonly settings: WorkerSettings,
    readonly watch: CallWatch,
    readonly blockedExports: ReadonlyMap<string, string>,
  ) {}

  exportState(name: string): ExportState {
    if (!this.compiled.ok) return 'missing';
    const found = this.compiled.info.exports.find((entry) => entry.name === name);
    if (!found) return 'missing';
    const expected = this.spec.exportsByName.get(name);
    if (!expected) return 'ok';
    if (found.kind !== expected.kind) return 'wrong-kind';
    if (expected.kind !== 'function') return 'ok';
    const want = this.spec.wasmSignature(expected);
    const have = found.signature;
    const same = (a: readonly string[], b: readonly string[]): boolean =>
      a.length === b.length && a.every((type, i) => type === b[i]);
    return have && same(want.params, have.params) && same(want.results, have.results)
      ? 'ok'
      : 'wrong-signature';
  }

  startPlugin(
    options: { runInit?: boolean; determinism?: Partial<Determinism> } = {},
  ): PluginSetup {
    if (!this.compiled.ok) throw new Error('startPlugin called on a module that did not compile');
    return startPlugin(
      this.compiled.module,
      {
        determinism: {
          randomSeed: this.settings.seed,
          clockStartNs: DEFAULT_CLOCK_START_NS,
          ...options.determinism,
        },
        captureLimit: CAPTURE_LIMIT,
        maxMemoryBytes: this.settings.limits['maxMemoryBytes'] ?? Number.MAX_SAFE_INTEGER,
        watch: this.watch,
        blockedExports: this.blockedExports,
      },
      { runInit: options.runInit ?? true },
    );
  }

  cannedExercise(): CannedExercise {
    this.exercise ??= runCannedExercise(() => this.startPlugin(), this.spec);
    return this.exercise;
  }

  contextFor(rule: Rule): CheckContext {
    return {
      spec: this.spec,
      rule,
      bytes: this.bytes,
      compiled: this.compiled,
      limits: this.settings.limits,
      seed: this.settings.seed,
      exportState: (name) => this.exportState(name),
      blockedReason: (name) => this.blockedExports.get(name),
      startPlugin: (options) => this.startPlugin(options),
      cannedExercise: () => this.cannedExercise(),
      property: this.settings.property,
      markCase: (index, input) => this.watch.setCase(this.settings.seed, index, input),
      replayCommand: (extraArgs) => replayCommand(this.settings, rule.id, extraArgs),
    };
  }
}
