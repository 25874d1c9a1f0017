/** Thrown by the host's proc_exit: ends the call like a trap, naming the code. */
export class ProcExit extends Error {
  constructor(readonly exitCode: number) {
    super(`the plugin called proc_exit(${exitCode})`);
  }
}

/** What the host functions of one instance remember between calls into them. */
export interface HostState {
  /** Set by proc_exit: every later host call throws it again, so the plugin cannot run on. */
  exited?: ProcExit;
  /** Reads of the clock and of random_get so far: a differing result is blamed on them. */
  clockReads?: number;
  randomReads?: number;
}

/** Thrown when a plugin calls an import the host does not offer (we link a stub so other calls still run). */
export class UnofferedImportCalled extends Error {
  constructor(
    readonly module: string,
    readonly field: string,
    hint: string | undefined,
  ) {
    super(
      `the plugin called ${module}.${field}, which the host does not offer${hint ? ` (${hint})` : ''}`,
    );
  }
}

/** A one-line description of what ended a call: the engine's trap message or our own host's. */
export function describeTrap(error: unknown): string {
  if (
    error instanceof ProcExit ||
    error instanceof UnofferedImportCalled ||
    error instanceof HostStop
  ) {
    return error.message;
  }
  if (error instanceof WebAssembly.RuntimeError) return `trap: ${error.message}`;
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return 'trap: call stack exhausted (unbounded recursion?)';
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `thrown: ${String(error)}`;
}

/** Hints for imports plugin authors hit by accident; keyed by `module.name`. */
export const IMPORT_HINTS: Record<string, string> = {
  'env.memcpy':
    'a #![no_std] build without the mem functions: use std, or provide memcpy/memset/memmove/memcmp yourself',
  'env.memset':
    'a #![no_std] build without the mem functions: use std, or provide memcpy/memset/memmove/memcmp yourself',
  'env.memmove':
    'a #![no_std] build without the mem functions: use std, or provide memcpy/memset/memmove/memcmp yourself',
  'env.memcmp':
    'a #![no_std] build without the mem functions: use std, or provide memcpy/memset/memmove/memcmp yourself',
  'env.__stack_pointer': 'a module built for dynamic linking (-shared/PIC): build a plain cdylib',
  'env.__memory_base': 'a module built for dynamic linking (-shared/PIC): build a plain cdylib',
  'env.memory': 'an imported memory: the plugin must define and export its own memory',
  'wasi_unstable.fd_write': 'the old WASI snapshot 0: build for wasm32-wasip1 (wasm32-wasi)',
  'wasi_snapshot_preview1.path_open':
    'file access: plugins get their data through process(), not files',
  'wasi_snapshot_preview1.fd_read':
    'reading stdin or files: plugins get their data through process()',
  'wasi_snapshot_preview1.sock_accept': 'network access is not offered to plugins',
  'wasi_snapshot_preview1.poll_oneoff':
    'sleeping or polling (thread::sleep?): plugins must not block',
};

/** Why the host ended a call itself: memory past the limit, or log and stdio past theirs. */
export type HostStopReason = 'memory-bomb' | 'log-flood';

/**
 * Thrown by a host function into the plugin to end a call that must not go on (a log flood
 * past the per-call limit). It unwinds the plugin's frames like a trap; the instance reports
 * the call as stopped, not trapped, since the plugin did not fault.
 */
export class HostStop extends Error {
  constructor(
    readonly reason: HostStopReason,
    readonly detail: string,
  ) {
    super(detail);
  }
}
