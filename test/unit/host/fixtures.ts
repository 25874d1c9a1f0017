// Shared by the host and abi unit tests: small WAT plugins instantiated through the real host.
import { startPlugin, type PluginSetup } from '../../../src/host/lifecycle.js';
import {
  PluginInstance,
  type InstanceOptions,
  type InstantiateResult,
} from '../../../src/host/plugin-instance.js';
import { budgetPagesFor, type PluginModule } from '../../../src/host/plugin-module.js';
import { DEFAULT_CLOCK_START_NS } from '../../../src/host/wasi-preview1.js';
import { guardMemoryGrowth } from '../../../src/wasm/guard-memory-growth.js';
import { instrumentWorkCounter } from '../../../src/wasm/count-work.js';
import { readModuleInfo } from '../../../src/wasm/module-info.js';
import { wat } from '../../helpers/wat.js';

export const PAGE = 65536;

/** The memory limit test plugins get unless a test sets its own. */
export const MAX_MEMORY_BYTES = 64 * PAGE;

export const OPTIONS: InstanceOptions = {
  determinism: { randomSeed: 1, clockStartNs: DEFAULT_CLOCK_START_NS },
  captureLimit: 10_000,
  maxLogBytesPerCall: 1 << 20,
};

/** Instance options plus the memory limit, which the host builds into the module itself. */
export type LoadOptions = Partial<InstanceOptions> & { maxMemoryBytes?: number };

/**
 * `(module <body>)` as the host runs it: every memory.grow guarded by the page budget. The
 * synchronous twin of preparePluginModule (which compiles asynchronously), from the same parts,
 * so that tests can build plugins inline; plugin-instance.test.ts checks the two agree.
 */
export function compileBody(
  body: string,
  maxMemoryBytes = MAX_MEMORY_BYTES,
  features: Record<string, boolean> = {},
  { countWork = false }: { countWork?: boolean } = {},
): PluginModule {
  const budgetPages = budgetPagesFor(maxMemoryBytes);
  const bytes = wat(`(module ${body})`, features);
  const guarded = guardMemoryGrowth(bytes, budgetPages);
  if (!guarded.ok) throw new Error(`cannot guard the test module: ${guarded.reason}`);
  const counted = countWork ? instrumentWorkCounter(guarded.bytes) : undefined;
  if (counted && !counted.ok) throw new Error(`cannot count the test module: ${counted.reason}`);
  const runnable = counted?.ok ? counted.bytes : guarded.bytes;
  const module = new WebAssembly.Module(runnable as Uint8Array<ArrayBuffer>);
  const { imports } = readModuleInfo(bytes);
  return {
    module,
    budgetPages,
    guardFunction: guarded.guardFunction,
    imports,
    countsWork: countWork,
  };
}

// Every test instantiates through these three, so a change to how the host takes a module or
// its options is made here once.

/** PluginInstance.instantiate on `(module <body>)`, with OPTIONS and the overrides. */
export function instantiateBody(body: string, options: LoadOptions = {}): InstantiateResult {
  const { maxMemoryBytes, ...instanceOptions } = options;
  return PluginInstance.instantiate(compileBody(body, maxMemoryBytes), {
    ...OPTIONS,
    ...instanceOptions,
  });
}

/** startPlugin on `(module <body>)`, with OPTIONS and the overrides. */
export function startBody(
  body: string,
  options: LoadOptions = {},
  lifecycle: { runInit?: boolean } = {},
): PluginSetup {
  const { maxMemoryBytes, ...instanceOptions } = options;
  return startPlugin(
    compileBody(body, maxMemoryBytes),
    { ...OPTIONS, ...instanceOptions },
    lifecycle,
  );
}

/** Instantiates `(module <body>)` through the host; fails the test when it cannot. */
export function load(body: string, options: LoadOptions = {}): PluginInstance {
  const created = instantiateBody(body, options);
  if (!created.ok) throw new Error(`could not instantiate: ${created.stage}: ${created.message}`);
  return created.instance;
}

/** A plugin using the exception-handling proposal (try / catch_all), guarded like the rest. */
export function loadWithExceptions(body: string, options: Partial<InstanceOptions> = {}) {
  const plugin = compileBody(body, MAX_MEMORY_BYTES, { exceptions: true });
  const created = PluginInstance.instantiate(plugin, { ...OPTIONS, ...options });
  if (!created.ok) throw new Error(`could not instantiate: ${created.stage}: ${created.message}`);
  return created.instance;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Reads an exported global's value (test plugins export counters as globals). */
export function globalValue(plugin: PluginInstance, name: string): number {
  const global = plugin.instance.exports[name];
  if (!(global instanceof WebAssembly.Global)) throw new Error(`no exported global ${name}`);
  return global.value as number;
}

/** The calls a plugin's capture recorded whose label starts with `name(`. */
export function callsTo(plugin: PluginInstance, name: string): string[] {
  return plugin.capture.bytesPerCall
    .map((entry) => entry.call)
    .filter((call) => call.startsWith(`${name}(`));
}
