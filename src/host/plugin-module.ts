import { GUARD_EXPORTS, guardMemoryGrowth } from '../wasm/guard-memory-growth.js';
import { instrumentWorkCounter } from '../wasm/count-work.js';
import { readModuleInfo, type ModuleImport } from '../wasm/module-info.js';
import { MAX_PAGES, WASM_PAGE_BYTES } from '../wasm/page.js';

/**
 * A plugin module as the host runs it: compiled from a copy whose every memory.grow goes
 * through a budget check (src/wasm/guard-memory-growth.ts), so the memory limit is enforced
 * inside the module, at the instruction, whatever the timing.
 */
export interface PluginModule {
  readonly module: WebAssembly.Module;
  /** The pages the plugin may reach by its own memory.grow; the host's pages come on top. */
  readonly budgetPages: number;
  /** The guard's function index; undefined when the module never grows memory. */
  readonly guardFunction: number | undefined;
  /** The module's imports with their types, so that a stub can match what is not offered. */
  readonly imports?: readonly ModuleImport[] | undefined;
  /**
   * Whether its instances count their work (src/wasm/count-work.ts). False when asked not to
   * (the bench times the module as it is) or when the bodies cannot be instrumented: the
   * checks then run without work budgets, as on a plugin too cheap to reach them.
   */
  readonly countsWork?: boolean;
}

export type PreparedModule = { ok: true; plugin: PluginModule } | { ok: false; message: string };

/** The memory limit in pages: a growth that would pass it is refused. */
export const budgetPagesFor = (maxMemoryBytes: number): number =>
  Math.min(MAX_PAGES, Math.floor(maxMemoryBytes / WASM_PAGE_BYTES));

/**
 * Guards and compiles a module that has already passed validation; with `countWork`, its calls
 * also count their work (the checks' budgets), when the bodies can be instrumented.
 */
export async function preparePluginModule(
  bytes: Uint8Array,
  maxMemoryBytes: number,
  { countWork = false }: { countWork?: boolean } = {},
): Promise<PreparedModule> {
  const budgetPages = budgetPagesFor(maxMemoryBytes);
  const guarded = guardMemoryGrowth(bytes, budgetPages);
  if (!guarded.ok) {
    return { ok: false, message: `the memory limit cannot be enforced: ${guarded.reason}` };
  }
  const counted = countWork ? instrumentWorkCounter(guarded.bytes) : undefined;
  const runnable = counted?.ok ? counted.bytes : guarded.bytes;
  try {
    const module = await WebAssembly.compile(runnable as Uint8Array<ArrayBuffer>);
    const { imports } = readModuleInfo(bytes);
    return {
      ok: true,
      plugin: {
        module,
        budgetPages,
        guardFunction: guarded.guardFunction,
        imports,
        countsWork: counted?.ok ?? false,
      },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `the guarded module does not compile: ${message}` };
  }
}

/** The guard's two globals on an instance, when the module grows memory. */
export interface GuardGlobals {
  budget: WebAssembly.Global;
  refused: WebAssembly.Global;
}

export function guardGlobalsOf(instance: WebAssembly.Instance): GuardGlobals | undefined {
  const budget = instance.exports[GUARD_EXPORTS.budget];
  const refused = instance.exports[GUARD_EXPORTS.refused];
  return budget instanceof WebAssembly.Global && refused instanceof WebAssembly.Global
    ? { budget, refused }
    : undefined;
}

/** Whether a trap came from the guard refusing a growth: its top wasm frame is the guard. */
export function trappedInGuard(error: unknown, guardFunction: number | undefined): boolean {
  if (guardFunction === undefined || !(error instanceof WebAssembly.RuntimeError)) return false;
  const top = /wasm-function\[(\d+)\]/.exec(error.stack ?? '');
  return top !== null && Number(top[1]) === guardFunction;
}
