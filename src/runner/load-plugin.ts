import { INSTANTIATE } from '../host/plugin-instance.js';
import { unsupportedFeatures } from '../wasm/features.js';
import { guardMemoryGrowth } from '../wasm/guard-memory-growth.js';
import { describeNonModule } from '../wasm/identify-file.js';
import { readModuleInfo, type ModuleInfo } from '../wasm/module-info.js';

export type CompiledPlugin =
  | { ok: true; module: WebAssembly.Module; info: ModuleInfo; exportNames: string[] }
  /** Not a module the engine accepts: ZC-MOD-001 fails with this message. */
  | { ok: false; message: string }
  /** A module this host cannot judge (an engine or enforcement limit, not the plugin's fault). */
  | { ok: false; cannotCheck: true; message: string };

/**
 * Compiles once, to judge the file: ZC-MOD-001's verdict, the module's exports and the facts
 * the static rules read. The workers run the guarded copy (host/plugin-module.ts).
 */
export async function compilePlugin(bytes: Uint8Array): Promise<CompiledPlugin> {
  const notModule = describeNonModule(bytes);
  if (notModule) return { ok: false, message: notModule };
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unsupported = unsupportedFeatures(bytes);
    if (unsupported.length > 0) {
      // Spec-valid, only newer than this engine: that is no verdict on the plugin.
      return {
        ok: false,
        cannotCheck: true,
        message: `cannot check: the module uses ${unsupported.join(', ')}, which this engine (Node ${process.version}, V8 ${process.versions.v8}) does not support`,
      };
    }
    const truncated = /past end|unexpected end|extends past|expected \d+ bytes/i.test(message);
    return {
      ok: false,
      message: `the engine rejected it: ${message.replace(/^WebAssembly\.compile\(\): /, '')}${truncated ? ' (a truncated file?)' : ''}`,
    };
  }
  let info: ModuleInfo;
  try {
    info = readModuleInfo(bytes);
  } catch (error) {
    return {
      ok: false,
      cannotCheck: true,
      message: `cannot check: zenith-conform cannot read this module: ${(error as Error).message}`,
    };
  }
  // The memory limit is enforced by rewriting memory.grow: a module that cannot be rewritten
  // cannot be run under the limit, which is the host's problem to say, not the plugin's.
  const guarded = guardMemoryGrowth(bytes, 0);
  if (!guarded.ok) {
    return {
      ok: false,
      cannotCheck: true,
      message: `cannot check: the memory limit cannot be enforced on this module: ${guarded.reason}`,
    };
  }
  const exportNames = [
    INSTANTIATE,
    ...WebAssembly.Module.exports(module)
      .filter((entry) => entry.kind === 'function')
      .map((entry) => entry.name),
  ];
  return { ok: true, module, info, exportNames };
}
