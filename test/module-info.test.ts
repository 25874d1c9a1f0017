// The static rules read signatures and memory limits from our own section reader rather than
// the engine (Node 20's WebAssembly.Module.exports() has neither), so it gets tested directly
// on modules built from text, each feature on its own.

import { describe, expect, it } from 'vitest';
import { describeNonModule } from '../src/wasm/identify-file.js';
import { readModuleInfo, WasmFormatError, type ModuleInfo } from '../src/wasm/module-info.js';
import { wat, withCustomSection } from './helpers/wat.js';

const info = (text: string, features: Record<string, boolean> = {}): ModuleInfo =>
  readModuleInfo(wat(text, features));

const exported = (moduleInfo: ModuleInfo, name: string) =>
  moduleInfo.exports.find((entry) => entry.name === name);

describe('readModuleInfo', () => {
  it('reads an empty module', () => {
    expect(info('(module)')).toEqual({
      imports: [],
      exports: [],
      definedMemories: [],
      hasStartSection: false,
      customSections: [],
    });
  });

  it('reads function imports with their signatures, all four number types included', () => {
    const { imports } = info(`(module
      (import "env" "host_log" (func (param i32 i32)))
      (import "wasi_snapshot_preview1" "fd_seek" (func (param i32 i64 i32 i32) (result i32)))
      (import "env" "mix" (func (param f32 f64) (result i64)))
      (import "env" "nothing" (func)))`);
    expect(imports).toEqual([
      {
        module: 'env',
        name: 'host_log',
        kind: 'function',
        signature: { params: ['i32', 'i32'], results: [] },
      },
      {
        module: 'wasi_snapshot_preview1',
        name: 'fd_seek',
        kind: 'function',
        signature: { params: ['i32', 'i64', 'i32', 'i32'], results: ['i32'] },
      },
      {
        module: 'env',
        name: 'mix',
        kind: 'function',
        signature: { params: ['f32', 'f64'], results: ['i64'] },
      },
      { module: 'env', name: 'nothing', kind: 'function', signature: { params: [], results: [] } },
    ]);
  });

  it('reads memory, global and table imports', () => {
    const { imports, definedMemories } = info(`(module
      (import "env" "memory" (memory 2 10))
      (import "env" "counter" (global (mut i64)))
      (import "env" "scale" (global f32))
      (import "env" "table" (table 1 8 funcref)))`);
    expect(imports).toEqual([
      {
        module: 'env',
        name: 'memory',
        kind: 'memory',
        memory: { initialPages: 2, maximumPages: 10, shared: false, memory64: false },
      },
      { module: 'env', name: 'counter', kind: 'global', global: { type: 'i64', mutable: true } },
      { module: 'env', name: 'scale', kind: 'global', global: { type: 'f32', mutable: false } },
      {
        module: 'env',
        name: 'table',
        kind: 'table',
        table: {
          elementType: 'funcref',
          limits: { initialPages: 1, maximumPages: 8, shared: false, memory64: false },
        },
      },
    ]);
    expect(definedMemories).toEqual([]);
  });

  it('gives each exported function its own signature, counting imported functions first', () => {
    // Imported functions take the first function indices; an off-by-the-imports reader would
    // give `process` the signature of `plugin_info` or of the import.
    const moduleInfo = info(`(module
      (import "env" "host_log" (func $log (param i32 i32)))
      (memory (export "memory") 1)
      (func (export "plugin_info") (result i32) (i32.const 0))
      (func (export "process") (param i32 i32 i32 i32) (result i32) (i32.const 0))
      (func (export "wide") (param i64 f32 f64) (result f64) (f64.const 0))
      (export "log_again" (func $log)))`);
    expect(exported(moduleInfo, 'plugin_info')?.signature).toEqual({
      params: [],
      results: ['i32'],
    });
    expect(exported(moduleInfo, 'process')?.signature).toEqual({
      params: ['i32', 'i32', 'i32', 'i32'],
      results: ['i32'],
    });
    expect(exported(moduleInfo, 'wide')?.signature).toEqual({
      params: ['i64', 'f32', 'f64'],
      results: ['f64'],
    });
    expect(moduleInfo.exports.map((entry) => [entry.name, entry.index])).toEqual([
      ['memory', 0],
      ['plugin_info', 1],
      ['process', 2],
      ['wide', 3],
      ['log_again', 0],
    ]);
    expect(exported(moduleInfo, 'log_again')).toEqual({
      name: 'log_again',
      kind: 'function',
      index: 0,
      signature: { params: ['i32', 'i32'], results: [] },
    });
  });

  it('reads global and table exports by kind', () => {
    const moduleInfo = info(`(module
      (global (export "g") i32 (i32.const 7))
      (table (export "t") 2 funcref))`);
    expect(moduleInfo.exports).toEqual([
      { name: 'g', kind: 'global', index: 0 },
      { name: 't', kind: 'table', index: 0 },
    ]);
  });

  it.each([
    ['(memory 3)', { initialPages: 3, maximumPages: undefined, shared: false, memory64: false }],
    ['(memory 2 5)', { initialPages: 2, maximumPages: 5, shared: false, memory64: false }],
    ['(memory 0 0)', { initialPages: 0, maximumPages: 0, shared: false, memory64: false }],
    ['(memory 1 4 shared)', { initialPages: 1, maximumPages: 4, shared: true, memory64: false }],
    [
      '(memory 300)',
      { initialPages: 300, maximumPages: undefined, shared: false, memory64: false },
    ],
  ])('reads the limits of a defined %s', (memory, limits) => {
    const moduleInfo = info(`(module ${memory.replace('(memory', '(memory (export "memory")')})`);
    expect(moduleInfo.definedMemories).toEqual([limits]);
    expect(exported(moduleInfo, 'memory')).toEqual({
      name: 'memory',
      kind: 'memory',
      index: 0,
      memory: limits,
      importedMemory: false,
    });
  });

  it('flags a 64-bit memory', () => {
    const moduleInfo = info('(module (memory (export "memory") i64 1))', { memory64: true });
    expect(moduleInfo.definedMemories[0]).toMatchObject({ initialPages: 1, memory64: true });
  });

  it('marks an imported memory that is re-exported as imported', () => {
    const moduleInfo = info(`(module
      (import "env" "mem" (memory 1 2))
      (export "memory" (memory 0)))`);
    expect(moduleInfo.definedMemories).toEqual([]);
    expect(exported(moduleInfo, 'memory')).toEqual({
      name: 'memory',
      kind: 'memory',
      index: 0,
      memory: { initialPages: 1, maximumPages: 2, shared: false, memory64: false },
      importedMemory: true,
    });
  });

  it('detects a start section', () => {
    expect(info('(module (func $f) (start $f))').hasStartSection).toBe(true);
    expect(info('(module (func $f (export "_start")))').hasStartSection).toBe(false);
  });

  it('lists custom sections by name', () => {
    const bytes = withCustomSection(wat('(module)'), 'padding', 16);
    expect(readModuleInfo(bytes).customSections).toEqual(['padding']);
  });

  it('throws a WasmFormatError with the offset for a truncated module', () => {
    const whole = wat('(module (func (export "f") (param i32) (result i32) (local.get 0)))');
    const truncated = whole.subarray(0, whole.length - 3);
    expect(() => readModuleInfo(truncated)).toThrow(WasmFormatError);
    expect(() => readModuleInfo(truncated)).toThrow(/at byte offset \d+/);
    expect(() => readModuleInfo(whole.subarray(0, 5))).toThrow(/8-byte header/);
  });
});

describe('describeNonModule', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);
  const text = (value: string) => new TextEncoder().encode(value);

  it.each([
    ['an empty file', bytes(), /empty/],
    ['a JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46), /JPEG/],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), /PNG/],
    ['an ELF executable', bytes(0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00), /ELF/],
    ['WAT text', text('(module\n  (memory 1))\n'), /WebAssembly text/],
    ['WAT text after a comment', text(';; a plugin\n(module)\n'), /WebAssembly text/],
    [
      'a component-model header',
      bytes(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00),
      /component/,
    ],
    ['an unknown wasm version', bytes(0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00), /version 2/],
    ['a header cut short', bytes(0x00, 0x61, 0x73, 0x6d, 0x01), /8-byte header/],
    [
      'anything else',
      bytes(0x78, 0xe9, 0xc1, 0x52, 0x1d, 0xba, 0x19, 0xb0, 0x00),
      /starts with 78 e9 c1 52 1d ba 19 b0, expected 00 61 73 6d/,
    ],
  ])('names %s', (_what, input, description) => {
    expect(describeNonModule(input)).toMatch(description);
  });

  it('returns undefined for a core module header, even with nothing after it', () => {
    expect(describeNonModule(bytes(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00))).toBe(
      undefined,
    );
    expect(describeNonModule(wat('(module (memory 1))'))).toBe(undefined);
  });

  it('reads the header of a view into a larger buffer at its own offset', () => {
    const backing = new Uint8Array([0xff, 0xff, 0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    expect(describeNonModule(backing.subarray(2))).toBe(undefined);
  });
});
