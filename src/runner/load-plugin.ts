import { INSTANTIATE } from '../host/plugin-instance.js';
import { describeNonModule } from '../wasm/identify-file.js';
import { readModuleInfo, type ModuleInfo } from '../wasm/module-info.js';

export type CompiledPlugin =
  | { ok: true; module: WebAssembly.Module; info: ModuleInfo; exportNames: string[] }
  | { ok: false; message: string };

/** Compiles once; the compiled module is shared with every worker and instance of the run. */
export async function compilePlugin(bytes: Uint8Array): Promise<CompiledPlugin> {
  const notModule = describeNonModule(bytes);
  if (notModule) return { ok: false, message: notModule };
  let module: WebAssembly.Module;
  try {
    module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
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
      message: `zenith-conform cannot read this module: ${(error as Error).message}`,
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
