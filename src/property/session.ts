import { describeSetupFailure } from '../host/lifecycle.js';
import type { PluginInstance } from '../host/plugin-instance.js';
import type { Determinism } from '../host/wasi-preview1.js';
import type { CheckContext } from '../check/context.js';
import type { CaseCode } from './census.js';
import { WorkMeter } from '../host/work-meter.js';

/** Thrown inside a property when no instance can be started: the rule is blocked, not failed. */
export class SessionBlocked extends Error {}

/**
 * The instance a property's cases run on. Cases share it, as Zenith shares a loaded plugin
 * between calls (instantiating per case would cost more than the cases); a trap or a memory
 * bomb poisons it, and the next case gets a fresh one.
 */
export class PluginSession {
  private instance: PluginInstance | undefined;
  instancesStarted = 0;
  /** The instances the current case used or started, to tell whether any of them trapped. */
  private usedByCase = new Set<PluginInstance>();

  constructor(
    private readonly ctx: CheckContext,
    private readonly determinism: Partial<Determinism> = {},
    /** Counts how a case ended, for the rule's census (the engine wires it; checks call it). */
    readonly record: (code: CaseCode) => void = () => undefined,
    /** The work of every instance this session starts, and the rule's budget of it. */
    readonly work: WorkMeter = new WorkMeter(),
  ) {}

  current(): PluginInstance {
    if (!this.instance || this.instance.poisoned) this.instance = this.fresh();
    this.usedByCase.add(this.instance);
    return this.instance;
  }

  /** Starts a case: what {@link caseTrapped} asks about is its instances from here on. */
  beginCase(): void {
    this.usedByCase.clear();
  }

  /** Whether a call of the current case trapped, on the shared instance or a fresh one. */
  caseTrapped(): boolean {
    for (const instance of this.usedByCase) if (instance.trapped) return true;
    return false;
  }

  /** A new instance, independent of the shared one. */
  fresh(determinism: Partial<Determinism> = this.determinism): PluginInstance {
    const setup = this.ctx.startPlugin({ determinism, work: this.work });
    if (!setup.ok) throw new SessionBlocked(describeSetupFailure(setup));
    this.instancesStarted++;
    this.usedByCase.add(setup.instance);
    // Bytes per call are the flood rule's, which reads the canned exercise: not these calls.
    setup.instance.capture.recordCalls = false;
    return setup.instance;
  }
}
