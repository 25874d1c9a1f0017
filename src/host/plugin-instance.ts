import { OutputCapture, type CapturedText } from './capture.js';
import type { CallWatch } from './call-watch.js';
import { createHostLog } from './host-log.js';
import {
  guardGlobalsOf,
  trappedInGuard,
  type GuardGlobals,
  type PluginModule,
} from './plugin-module.js';
import type { ModuleImport } from '../wasm/module-info.js';
import { MAX_PAGES, WASM_PAGE_BYTES } from '../wasm/page.js';
import { WORK_EXPORT } from '../wasm/count-work.js';
import type { WorkMeter } from './work-meter.js';
import {
  HostStop,
  IMPORT_HINTS,
  type HostState,
  UnofferedImportCalled,
  describeTrap,
  type HostStopReason,
} from './traps.js';
import { NOT_CAPABLE, createWasiPreview1, type Determinism } from './wasi-preview1.js';

export type CallOutcome =
  | { kind: 'returned'; value: number | undefined }
  | { kind: 'trapped'; message: string; stderr: string }
  /** The host ended the call itself: memory past the limit, or a log flood. Not a trap. */
  | { kind: 'stopped'; reason: HostStopReason; detail: string; stderr: string }
  | { kind: 'blocked'; reason: string };

/** A call the host stopped itself, as the run's record of it. */
export interface HostStopRecord {
  reason: HostStopReason;
  exportName: string;
  args: readonly number[];
  detail: string;
}

export interface InstanceOptions {
  determinism: Determinism;
  /** Characters of log and stdio kept for the report. */
  captureLimit: number;
  /** Bytes of log and stdio one call may write before the host stops it. */
  maxLogBytesPerCall: number;
  watch?: CallWatch | undefined;
  /** Exports that hung earlier in this run: calling them again would only hang again. */
  blockedExports?: ReadonlyMap<string, string> | undefined;
  /** Told of every call the host stops itself, so that the rule that catches it can judge it. */
  onStop?: ((stop: HostStopRecord) => void) | undefined;
  /** Adds up the work of this instance's calls (with others'), when the module counts work. */
  work?: WorkMeter | undefined;
}

export type InstantiateResult =
  | { ok: true; instance: PluginInstance }
  | {
      ok: false;
      stage: 'link' | 'start';
      message: string;
      output: CapturedText;
      stopped?: HostStopReason;
    };

/** The pseudo-export the call watch uses for instantiation, when a start function runs. */
export const INSTANTIATE = '(instantiate)';

/**
 * Links offered imports to the sandbox and every other import to a stub of its declared type,
 * so that a module importing something unknown still instantiates and its other exports can be
 * checked (ZC-IMP-001 and ZC-MEM-001 report the imports themselves).
 */
function buildImports(
  plugin: PluginModule,
  getMemory: () => WebAssembly.Memory | undefined,
  capture: OutputCapture,
  determinism: Determinism,
  state: HostState,
): WebAssembly.Imports {
  const offered: Record<string, Record<string, unknown>> = {
    env: { host_log: createHostLog(getMemory, capture, state) },
    wasi_snapshot_preview1: createWasiPreview1(getMemory, capture, determinism, state),
  };
  const declared = new Map(
    (plugin.imports ?? []).map((entry) => [`${entry.module}\u0000${entry.name}`, entry]),
  );
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const entry of WebAssembly.Module.imports(plugin.module)) {
    const namespace = (imports[entry.module] ??= {});
    const provided = offered[entry.module]?.[entry.name];
    const types = declared.get(`${entry.module}\u0000${entry.name}`);
    if (entry.kind === 'function') {
      if (provided !== undefined) {
        namespace[entry.name] = provided as WebAssembly.ImportValue;
      } else if (entry.module === 'wasi_snapshot_preview1') {
        namespace[entry.name] = () => NOT_CAPABLE;
      } else {
        const hint = IMPORT_HINTS[`${entry.module}.${entry.name}`];
        namespace[entry.name] = () => {
          throw new UnofferedImportCalled(entry.module, entry.name, hint);
        };
      }
    } else {
      const stub = stubImport(entry.kind, types);
      if (stub !== undefined) namespace[entry.name] = stub;
    }
  }
  return imports;
}

/** A memory, table or global of the declared type (a tag cannot be made: it fails to link). */
function stubImport(
  kind: string,
  types: ModuleImport | undefined,
): WebAssembly.ImportValue | undefined {
  try {
    if (kind === 'memory') {
      const limits = types?.memory;
      return new WebAssembly.Memory({
        initial: limits?.initialPages ?? 1,
        ...(limits?.maximumPages !== undefined ? { maximum: limits.maximumPages } : {}),
        ...(limits?.shared ? { shared: true } : {}),
      });
    }
    if (kind === 'table' && types?.table) {
      const { elementType, limits } = types.table;
      return new WebAssembly.Table({
        element: elementType === 'externref' ? 'externref' : 'anyfunc',
        initial: limits.initialPages,
        ...(limits.maximumPages !== undefined ? { maximum: limits.maximumPages } : {}),
      });
    }
    if (kind === 'global' && types?.global) {
      const { type, mutable } = types.global;
      const value = type === 'i64' ? 0n : type === 'funcref' || type === 'externref' ? null : 0;
      return new WebAssembly.Global(
        { value: type === 'funcref' ? 'anyfunc' : type, mutable },
        value,
      );
    }
  } catch {
    // A type this engine cannot make a stub of: the module fails to link, which is reported.
  }
  return undefined;
}

/**
 * A call the host ended itself, from what the call threw: a HostStop from a host function (a
 * log flood), or a trap in the memory guard (a growth past the budget). Undefined for the
 * plugin's own traps.
 */
function hostStopOf(
  error: unknown,
  plugin: PluginModule,
  where: string,
  refused?: { pages: number; inUse: number },
): { reason: HostStopReason; detail: string } | undefined {
  if (error instanceof HostStop) return { reason: error.reason, detail: error.detail };
  if (!trappedInGuard(error, plugin.guardFunction)) return undefined;
  const limit = `the ${plugin.budgetPages}-page limit of its own memory (maxMemoryBytes)`;
  return {
    reason: 'memory-bomb',
    detail: refused
      ? `${where} asked memory.grow for ${refused.pages} more pages with ${refused.inUse} in use: past ${limit}`
      : `${where} asked memory.grow for more than ${limit}`,
  };
}

/** What the last call did besides its result: reads of nondeterministic host sources. */
export interface CallStats {
  clockReads: number;
  randomReads: number;
}

export class PluginInstance {
  readonly capture: OutputCapture;
  /** The last call's reads of the clock and of random_get. */
  lastCall: CallStats = { clockReads: 0, randomReads: 0 };
  /** Why this instance must not be called again (a trap or a stop), once it happened. */
  poisoned: string | undefined;
  /** Whether the call that poisoned it trapped (the plugin's own trap, not a host stop). */
  trapped = false;
  /**
   * The last call's work (function entries and loop iterations), when the module was compiled
   * with the work counter (src/wasm/count-work.ts); 0 otherwise.
   */
  lastCallWork = 0;
  /** Pages the host grew or had the plugin allocate for its own buffers: not the plugin's. */
  private hostPages = 0;
  private readonly guard: GuardGlobals | undefined;
  private readonly workCounter: WebAssembly.Global | undefined;
  private workSeen = 0;
  private pendingReads: Array<() => void> = [];

  private constructor(
    readonly instance: WebAssembly.Instance,
    readonly memory: WebAssembly.Memory | undefined,
    capture: OutputCapture,
    private readonly plugin: PluginModule,
    private readonly options: InstanceOptions,
    private readonly state: HostState,
  ) {
    this.capture = capture;
    this.guard = guardGlobalsOf(instance);
    const counter = instance.exports[WORK_EXPORT];
    this.workCounter = counter instanceof WebAssembly.Global ? counter : undefined;
    // The start function's work is instantiation's, not the first call's.
    this.workSeen = this.workCounter ? (this.workCounter.value as number) >>> 0 : 0;
  }

  static instantiate(plugin: PluginModule, options: InstanceOptions): InstantiateResult {
    const capture = new OutputCapture(options.captureLimit, options.maxLogBytesPerCall);
    const blocked = options.blockedExports?.get(INSTANTIATE);
    if (blocked) return { ok: false, stage: 'start', message: blocked, output: capture.snapshot() };
    // Host functions need the memory, which exists only once instantiation returns.
    const memoryRef: { current?: WebAssembly.Memory } = {};
    const state: HostState = {};
    const imports = buildImports(
      plugin,
      () => memoryRef.current,
      capture,
      options.determinism,
      state,
    );
    let instance: WebAssembly.Instance;
    capture.beginCall(INSTANTIATE);
    options.watch?.enter(INSTANTIATE, []);
    try {
      instance = new WebAssembly.Instance(plugin.module, imports);
    } catch (error) {
      const output = capture.snapshot();
      const stop = hostStopOf(error, plugin, 'its start function');
      if (stop) {
        options.onStop?.({ ...stop, exportName: INSTANTIATE, args: [] });
        return { ok: false, stage: 'start', message: stop.detail, output, stopped: stop.reason };
      }
      const stage = error instanceof WebAssembly.LinkError ? 'link' : 'start';
      return { ok: false, stage, message: describeTrap(error), output };
    } finally {
      options.watch?.leave();
      capture.endCall();
    }
    const exported = instance.exports['memory'];
    if (exported instanceof WebAssembly.Memory) memoryRef.current = exported;
    return {
      ok: true,
      instance: new PluginInstance(instance, memoryRef.current, capture, plugin, options, state),
    };
  }

  hasFunction(name: string): boolean {
    return typeof this.instance.exports[name] === 'function';
  }

  get memoryBytes(): number {
    return this.memory?.buffer.byteLength ?? 0;
  }

  /**
   * A fresh view: memory.grow detaches old ones, so never keep a view across a call. The host
   * may write through it, so reads waiting for a change (beforeMemoryChanges) happen first.
   */
  bytes(): Uint8Array {
    this.settleReads();
    return this.memory ? new Uint8Array(this.memory.buffer) : new Uint8Array(0);
  }

  /**
   * Runs `read` before this instance's memory can next change: before its next call, or before
   * bytes() hands out a view to write through. For results read from memory lazily.
   */
  beforeMemoryChanges(read: () => void): void {
    this.pendingReads.push(read);
  }

  private settleReads(): void {
    if (this.pendingReads.length === 0) return;
    const reads = this.pendingReads;
    this.pendingReads = [];
    for (const read of reads) read();
  }

  /**
   * Grows memory for the host's own buffers: those pages are the host's, so the plugin's
   * budget grows by as much. Returns the old size in pages; throws as Memory.grow does.
   */
  growForHost(pages: number): number {
    if (!this.memory) throw new Error('the plugin exports no memory');
    const old = this.memory.grow(pages);
    this.hostPages += pages;
    this.setBudget();
    return old;
  }

  /** Calls an export; `callBytes` (input and params) gives a large call a later deadline. */
  call(name: string, args: readonly number[] = [], callBytes = 0): CallOutcome {
    return this.invoke(name, args, false, callBytes);
  }

  /**
   * A call the host makes for its own buffers (`alloc`, `dealloc`): whatever memory the plugin
   * grows during it is the host's, so it is neither refused nor counted against the plugin.
   */
  callAsHost(name: string, args: readonly number[]): CallOutcome {
    return this.invoke(name, args, true);
  }

  /** Reads the work counter after a call: the difference, modulo 2^32 as the counter wraps. */
  private countWork(): void {
    if (!this.workCounter) return;
    const now = (this.workCounter.value as number) >>> 0;
    this.lastCallWork = (now - this.workSeen) >>> 0;
    this.workSeen = now;
    this.options.work?.add(this.lastCallWork);
  }

  /** The budget global: the plugin's own pages plus the host's. */
  private setBudget(unlimited = false): void {
    if (!this.guard) return;
    this.guard.budget.value = unlimited
      ? MAX_PAGES
      : Math.min(MAX_PAGES, this.plugin.budgetPages + this.hostPages);
  }

  private invoke(
    name: string,
    args: readonly number[],
    forHost: boolean,
    callBytes = 0,
  ): CallOutcome {
    if (this.poisoned) return { kind: 'blocked', reason: this.poisoned };
    this.settleReads();
    const blocked = this.options.blockedExports?.get(name);
    if (blocked) return { kind: 'blocked', reason: blocked };
    const fn = this.instance.exports[name];
    if (typeof fn !== 'function') return { kind: 'blocked', reason: `\`${name}\` is not exported` };
    const watch = this.options.watch;
    const pagesBefore = forHost ? pagesOf(this.memoryBytes) : 0;
    const clockBefore = this.state.clockReads ?? 0;
    const randomBefore = this.state.randomReads ?? 0;
    if (forHost) this.setBudget(true);
    this.capture.beginCall(name, args);
    watch?.enter(name, args, callBytes);
    let outcome: CallOutcome;
    try {
      const value = callWith(fn as (...a: number[]) => unknown, args);
      // A stop or an exit the plugin caught (wasm exception handling catches JS exceptions)
      // still ends the call as the host saw it.
      const swallowed = this.capture.takeStop() ?? this.state.exited;
      outcome = swallowed
        ? this.outcomeOf(swallowed, name, args)
        : { kind: 'returned', value: typeof value === 'number' ? value : undefined };
    } catch (error) {
      outcome = this.outcomeOf(error, name, args);
    } finally {
      watch?.leave();
      this.capture.endCall();
      const clockReads = (this.state.clockReads ?? 0) - clockBefore;
      const randomReads = (this.state.randomReads ?? 0) - randomBefore;
      // Most calls read neither: they share one frozen record rather than make one each.
      this.lastCall =
        clockReads === 0 && randomReads === 0 ? NO_READS : { clockReads, randomReads };
      if (forHost) {
        this.hostPages += pagesOf(this.memoryBytes) - pagesBefore;
        this.setBudget();
      }
      this.countWork();
    }
    return outcome;
  }

  /**
   * What a throw out of the plugin means: a stop by the host (memory past the limit, a log
   * flood) or the plugin's own trap. Either poisons the instance. Public for calls the bench
   * makes straight on the export, in its timed loops.
   */
  outcomeOf(error: unknown, name: string, args: readonly number[] = []): CallOutcome {
    const stop = hostStopOf(error, this.plugin, `\`${name}\``, this.refusedGrowth());
    if (stop) {
      this.poisoned = `an earlier call to \`${name}\` was stopped (${stop.reason})`;
      this.options.onStop?.({ ...stop, exportName: name, args: [...args] });
      return { kind: 'stopped', ...stop, stderr: this.capture.stderrTail() };
    }
    this.poisoned = `an earlier call to \`${name}\` trapped`;
    this.trapped = true;
    return { kind: 'trapped', message: describeTrap(error), stderr: this.capture.stderrTail() };
  }

  /** The growth the guard refused (and resets its record), if any. */
  private refusedGrowth(): { pages: number; inUse: number } | undefined {
    if (!this.guard) return undefined;
    const value = this.guard.refused.value as number;
    if (value === -1) return undefined;
    this.guard.refused.value = -1;
    return { pages: value >>> 0, inUse: pagesOf(this.memoryBytes) };
  }

  /** Reads a NUL-terminated string of at most maxBytes (NUL included) at ptr. */
  readCString(
    ptr: number,
    maxBytes: number,
  ): { ok: true; bytes: Uint8Array } | { ok: false; problem: string } {
    const memory = this.bytes();
    if (ptr >= memory.length) {
      return { ok: false, problem: `pointer ${ptr} is outside memory (${memory.length} bytes)` };
    }
    const end = Math.min(memory.length, ptr + maxBytes);
    const nul = memory.subarray(ptr, end).indexOf(0);
    if (nul === -1) {
      return end === memory.length && end - ptr < maxBytes
        ? { ok: false, problem: `no NUL between ${ptr} and the end of memory (${memory.length})` }
        : { ok: false, problem: `no NUL within ${maxBytes} bytes of ${ptr}` };
    }
    return { ok: true, bytes: memory.slice(ptr, ptr + nul) };
  }
}

const NO_READS: CallStats = Object.freeze({ clockReads: 0, randomReads: 0 });

/** A call without spreading the arguments for the spec's arities (spreading costs per call). */
function callWith(fn: (...a: number[]) => unknown, args: readonly number[]): unknown {
  switch (args.length) {
    case 0:
      return fn();
    case 1:
      return fn(args[0]!);
    case 2:
      return fn(args[0]!, args[1]!);
    case 3:
      return fn(args[0]!, args[1]!, args[2]!);
    case 4:
      return fn(args[0]!, args[1]!, args[2]!, args[3]!);
    default:
      return fn(...args);
  }
}

/** Pages of a memory size; not `>>> 16`, which wraps a full 4 GiB memory to 0. */
const pagesOf = (bytes: number): number => Math.floor(bytes / WASM_PAGE_BYTES);
