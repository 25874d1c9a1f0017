import type { CallWatch } from '../host/call-watch.js';
import type { HostStopRecord } from '../host/plugin-instance.js';
import { startPlugin, type PluginSetup } from '../host/lifecycle.js';
import type { PluginModule } from '../host/plugin-module.js';
import { DEFAULT_CLOCK_START_NS } from '../host/wasi-preview1.js';
import type { Rule } from '../spec-model/abi-types.generated.js';
import type { Limits } from '../spec-model/limits.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { runCannedExercise, type CannedExercise } from './canned-exercise.js';
import type {
  CheckContext,
  CompileResult,
  ExportState,
  PropertySettings,
  StartOptions,
} from './context.js';
import { replayCommand } from './replay.js';
import type { CheckContract } from '../contract/contract.js';
import { exportStateOf } from './export-state.js';

/** Characters of plugin output kept per instance for the report. */
const CAPTURE_LIMIT = 16 * 1024;

/** What one run's checks share about their plugin; plain data, so it survives postMessage. */
export interface CheckRunSettings {
  source: string;
  seed: number;
  limits: Limits;
  /** Extra arguments that went into this run, for replay commands (e.g. `--max-memory 1000`). */
  replayArgs: string;
  property: PropertySettings;
  /** The plugin's declared contract, when its config gives one. */
  contract?: CheckContract;
}

/**
 * The plugin under test, as every check of one worker sees it: the compiled module, the run's
 * settings, and the runs worth doing once (the canned exercise). It hands each rule its
 * CheckContext.
 */
export class PluginUnderTest {
  private exercise: CannedExercise | undefined;
  /** Exports not to call again, with the reason: stopped earlier in this run. */
  private readonly blocked: Map<string, string>;
  private currentRule: string | undefined;

  constructor(
    readonly spec: SpecIndex,
    readonly bytes: Uint8Array,
    readonly compiled: CompileResult,
    readonly settings: CheckRunSettings,
    readonly watch: CallWatch,
    blockedExports: ReadonlyMap<string, string>,
    /** Told of every call the host stops itself (memory, log flood), for the catching rule. */
    private readonly reportStop: (stop: HostStopRecord) => void = () => undefined,
  ) {
    this.blocked = new Map(blockedExports);
  }

  /** The plugin's declared contract, for gating the declared rules. */
  get contract(): CheckContract | undefined {
    return this.settings.contract;
  }

  /**
   * A call the host stopped is reported, and its export is not called again in this run, as
   * after a hang: a plugin that bombs or floods on every call would otherwise pay the whole
   * limit on every case of every rule.
   */
  private readonly onStop = (stop: HostStopRecord): void => {
    const why = stop.reason === 'memory-bomb' ? 'memory past the limit' : 'a log flood';
    if (!this.blocked.has(stop.exportName)) {
      this.blocked.set(
        stop.exportName,
        `\`${stop.exportName}\` was stopped earlier in this run (${why}, in ${this.currentRule ?? 'a check'}); it is not called again`,
      );
    }
    this.reportStop(stop);
  };

  exportState(name: string): ExportState {
    return this.compiled.ok ? exportStateOf(this.compiled.info, this.spec, name) : 'missing';
  }

  startPlugin(options: StartOptions = {}): PluginSetup {
    if (!this.compiled.ok) throw new Error('startPlugin called on a module that did not compile');
    return this.start(this.compiled.plugin, options);
  }

  private start(module: PluginModule, options: StartOptions): PluginSetup {
    return startPlugin(
      module,
      {
        determinism: {
          randomSeed: this.settings.seed,
          clockStartNs: DEFAULT_CLOCK_START_NS,
          ...options.determinism,
        },
        captureLimit: CAPTURE_LIMIT,
        maxLogBytesPerCall: this.settings.limits.maxLogBytesPerCall,
        watch: this.watch,
        blockedExports: this.blocked,
        onStop: this.onStop,
        work: options.work,
      },
      { runInit: options.runInit ?? true },
    );
  }

  cannedExercise(): CannedExercise {
    this.exercise ??= runCannedExercise(() => this.startPlugin(), this.spec);
    return this.exercise;
  }

  /** The context a rule's check runs with; budgetMs: its share of a --time budget. */
  contextFor(rule: Rule, budgetMs?: number): CheckContext {
    this.currentRule = rule.id;
    return {
      spec: this.spec,
      rule,
      bytes: this.bytes,
      compiled: this.compiled,
      limits: this.settings.limits,
      seed: this.settings.seed,
      exportState: (name) => this.exportState(name),
      blockedReason: (name) => this.blocked.get(name),
      startPlugin: (options) => this.startPlugin(options),
      startCompanion: (module) => this.start(module, {}),
      cannedExercise: () => this.cannedExercise(),
      property:
        budgetMs === undefined ? this.settings.property : { ...this.settings.property, budgetMs },
      contract: this.settings.contract,
      markCase: (index, input) => this.watch.setCase(this.settings.seed, index, input),
      replayCommand: (extraArgs) => replayCommand(this.settings, rule.id, extraArgs),
    };
  }
}
