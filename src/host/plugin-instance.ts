import { OutputCapture, type CapturedText } from './capture.js';
import type { CallWatch } from './call-watch.js';
import { createHostLog } from './host-log.js';
import { IMPORT_HINTS, UnofferedImportCalled, describeTrap, memoryPastLimit } from './traps.js';
import { NOT_CAPABLE, createWasiPreview1, type Determinism } from './wasi-preview1.js';

export type CallOutcome =
  | { kind: 'returned'; value: number | undefined }
  | { kind: 'trapped'; message: string; stderr: string }
  | { kind: 'blocked'; reason: string };

export interface InstanceOptions {
  determinism: Determinism;
  /** Characters of log and stdio kept for the report. */
  captureLimit: number;
  maxMemoryBytes: number;
  watch?: CallWatch;
  /** Exports that hung earlier in this run: calling them again would only hang again. */
  blockedExports?: ReadonlyMap<string, string>;
}

export type InstantiateResult =
  | { ok: true; instance: PluginInstance }
  | { ok: false; stage: 'link' | 'start'; message: string; output: CapturedText };

/** The pseudo-export the call watch uses for instantiation, when a start function runs. */
export const INSTANTIATE = '(instantiate)';

/** Links offered imports to the sandbox and every other import to a stub, so that a module
 * importing something unknown still instantiates and its other exports can be checked. */
function buildImports(
  module: WebAssembly.Module,
  getMemory: () => WebAssembly.Memory | undefined,
  capture: OutputCapture,
  determinism: Determinism,
): WebAssembly.Imports {
  const offered: Record<string, Record<string, unknown>> = {
    env: { host_log: createHostLog(getMemory, capture) },
    wasi_snapshot_preview1: createWasiPreview1(getMemory, capture, determinism),
  };
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const entry of WebAssembly.Module.imports(module)) {
    const namespace = (imports[entry.module] ??= {});
    const provided = offered[entry.module]?.[entry.name];
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
    } else if (entry.kind === 'memory') {
      // Lets a module that imports its memory still link; ZC-MEM-001 reports it.
      namespace[entry.name] = new WebAssembly.Memory({ initial: 1 });
    }
  }
  return imports;
}

export class PluginInstance {
  readonly capture: OutputCapture;
  /** Why this instance must not be called again (a trap or a memory bomb), once it happened. */
  poisoned: string | undefined;
  private constructor(
    readonly instance: WebAssembly.Instance,
    readonly memory: WebAssembly.Memory | undefined,
    capture: OutputCapture,
    private readonly options: InstanceOptions,
  ) {
    this.capture = capture;
  }

  static instantiate(module: WebAssembly.Module, options: InstanceOptions): InstantiateResult {
    const capture = new OutputCapture(options.captureLimit);
    const blocked = options.blockedExports?.get(INSTANTIATE);
    if (blocked) return { ok: false, stage: 'start', message: blocked, output: capture.snapshot() };
    // Host functions need the memory, which exists only once instantiation returns.
    const memoryRef: { current?: WebAssembly.Memory } = {};
    const imports = buildImports(module, () => memoryRef.current, capture, options.determinism);
    let instance: WebAssembly.Instance;
    capture.beginCall(INSTANTIATE);
    options.watch?.enter(INSTANTIATE, []);
    try {
      instance = new WebAssembly.Instance(module, imports);
    } catch (error) {
      const stage = error instanceof WebAssembly.LinkError ? 'link' : 'start';
      return { ok: false, stage, message: describeTrap(error), output: capture.snapshot() };
    } finally {
      options.watch?.leave(0);
      capture.endCall();
    }
    const exported = instance.exports['memory'];
    if (exported instanceof WebAssembly.Memory) memoryRef.current = exported;
    return {
      ok: true,
      instance: new PluginInstance(instance, memoryRef.current, capture, options),
    };
  }

  hasFunction(name: string): boolean {
    return typeof this.instance.exports[name] === 'function';
  }

  get memoryBytes(): number {
    return this.memory?.buffer.byteLength ?? 0;
  }

  /** A fresh view: memory.grow detaches old ones, so never keep a view across a call. */
  bytes(): Uint8Array {
    return this.memory ? new Uint8Array(this.memory.buffer) : new Uint8Array(0);
  }

  call(name: string, args: readonly number[] = []): CallOutcome {
    if (this.poisoned) return { kind: 'blocked', reason: this.poisoned };
    const blocked = this.options.blockedExports?.get(name);
    if (blocked) return { kind: 'blocked', reason: blocked };
    const fn = this.instance.exports[name];
    if (typeof fn !== 'function') return { kind: 'blocked', reason: `\`${name}\` is not exported` };
    const watch = this.options.watch;
    this.capture.beginCall(`${name}(${args.join(', ')})`);
    watch?.enter(name, args);
    let outcome: CallOutcome;
    try {
      const value = (fn as (...a: number[]) => unknown)(...args);
      outcome = { kind: 'returned', value: typeof value === 'number' ? value : undefined };
    } catch (error) {
      this.poisoned = `an earlier call to \`${name}\` trapped`;
      outcome = {
        kind: 'trapped',
        message: describeTrap(error),
        stderr: this.capture.stderrTail(),
      };
    } finally {
      watch?.leave(this.memoryBytes >>> 16);
      this.capture.endCall();
    }
    const stop = memoryPastLimit(name, this.memoryBytes, this.options.maxMemoryBytes);
    if (stop) {
      this.poisoned = `memory grew past the limit in \`${name}\``;
      throw stop;
    }
    return outcome;
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
