// Shared by the wasm toolkit tests: the committed compiler output, the hand-written broken
// modules, and just enough of a host to call plugin_info.

import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wat } from '../../helpers/wat.js';

const root = fileURLToPath(new URL('../../../reference-plugins/', import.meta.url));

const filesIn = (dir: string, extension: string): string[] =>
  readdirSync(root + dir)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => `${dir}/${name}`);

export interface Fixture {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** rustc and clang output: reference-plugins/dist and reference-plugins/broken/dist. */
export const compiledModules: readonly Fixture[] = [
  ...filesIn('dist', '.wasm'),
  ...filesIn('broken/dist', '.wasm'),
].map((name) => ({ name, bytes: new Uint8Array(readFileSync(root + name)) }));

/** reference-plugins/broken/*.wat, built with wabt. */
export const brokenWatModules: readonly Fixture[] = filesIn('broken', '.wat').map((name) => ({
  name,
  bytes: wat(readFileSync(root + name, 'utf8')),
}));

export const referencePlugin = (file: string): Uint8Array =>
  new Uint8Array(readFileSync(`${root}dist/${file}`));

/** Every import a function returning 0: enough for plugin_info, which touches no host state. */
export function stubImports(module: WebAssembly.Module): WebAssembly.Imports {
  const imports: Record<string, Record<string, () => number>> = {};
  for (const { module: namespace, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') throw new Error(`cannot stub the ${kind} import ${namespace}.${name}`);
    (imports[namespace] ??= {})[name] = () => 0;
  }
  return imports;
}

/** wat() and guardMemoryGrowth() type their bytes as possibly shared; the engine wants them not. */
export const compile = (bytes: Uint8Array): WebAssembly.Module =>
  new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);

export const validates = (bytes: Uint8Array): boolean =>
  WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>);

export function instantiate(bytes: Uint8Array): WebAssembly.Instance {
  const module = compile(bytes);
  return new WebAssembly.Instance(module, stubImports(module));
}

/** Calls plugin_info and reads the NUL-terminated text it points at. */
export function pluginInfo(instance: WebAssembly.Instance): string {
  const { plugin_info: info, memory } = instance.exports as {
    plugin_info: () => number;
    memory: WebAssembly.Memory;
  };
  const bytes = new Uint8Array(memory.buffer);
  const start = info();
  const end = bytes.indexOf(0, start);
  if (end < 0) throw new Error(`plugin_info text at ${start} has no NUL`);
  return new TextDecoder().decode(bytes.subarray(start, end));
}
