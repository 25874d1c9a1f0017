/** Thrown by the host's proc_exit: ends the call like a trap, naming the code. */
export class ProcExit extends Error {
  constructor(readonly exitCode: number) {
    super(`the plugin called proc_exit(${exitCode})`);
  }
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
  if (error instanceof ProcExit || error instanceof UnofferedImportCalled) return error.message;
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

/**
 * Thrown (not returned) when a call must not go on: the plugin's memory passed the limit. It
 * unwinds whatever check was running; the supervisor then fails the rule the spec names for
 * it and refuses further calls to that export, as it does for a call that hangs.
 */
export class CallStopped extends Error {
  constructor(
    readonly reason: 'memory-bomb',
    readonly exportName: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * The host's memory-limit check, made after a call (and by a resident loop when the memory's
 * buffer changes): the stop to throw when memory is past the limit, else undefined.
 */
export function memoryPastLimit(
  exportName: string,
  memoryBytes: number,
  limit: number,
): CallStopped | undefined {
  if (memoryBytes <= limit) return undefined;
  return new CallStopped(
    'memory-bomb',
    exportName,
    `\`${exportName}\` grew memory to ${memoryBytes} bytes, past the ${limit}-byte limit`,
  );
}
