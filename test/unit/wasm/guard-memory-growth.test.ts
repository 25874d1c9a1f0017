import { describe, expect, it } from 'vitest';
import { GUARD_EXPORTS, guardMemoryGrowth } from '../../../src/wasm/guard-memory-growth.js';
import { decodeFunctionBody } from '../../../src/wasm/instructions.js';
import { readCodeEntries, SectionId, splitSections } from '../../../src/wasm/sections.js';
import { wat } from '../../helpers/wat.js';
import { featureModule, memory64Module, multiMemoryModule } from './feature-modules.js';
import {
  brokenWatModules,
  compile,
  compiledModules,
  instantiate,
  pluginInfo,
  referencePlugin,
  validates,
} from './fixtures.js';

function guarded(bytes: Uint8Array, budget: number): { bytes: Uint8Array; growSites: number } {
  const result = guardMemoryGrowth(bytes, budget);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function reason(bytes: Uint8Array): string {
  const result = guardMemoryGrowth(bytes, 100);
  if (result.ok) throw new Error('expected the guard to refuse');
  return result.reason;
}

const grower = (memory = '1') =>
  wat(`(module
    (memory (export "memory") ${memory})
    (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
    (func (export "size") (result i32) (memory.size)))`);

interface Grower {
  grow: (delta: number) => number;
  size: () => number;
  budget: WebAssembly.Global | undefined;
  refused: WebAssembly.Global | undefined;
}

function start(bytes: Uint8Array): Grower {
  const { exports } = new WebAssembly.Instance(compile(bytes));
  return {
    grow: exports.grow as Grower['grow'],
    size: exports.size as Grower['size'],
    budget: exports[GUARD_EXPORTS.budget] as WebAssembly.Global | undefined,
    refused: exports[GUARD_EXPORTS.refused] as WebAssembly.Global | undefined,
  };
}

describe('guardMemoryGrowth on real modules', () => {
  it.each(compiledModules.map(({ name, bytes }) => [name, bytes] as const))(
    '%s still validates and answers plugin_info',
    (_name, bytes) => {
      const result = guarded(bytes, 1000);
      expect(validates(result.bytes)).toBe(true);
      expect(pluginInfo(instantiate(result.bytes))).toBe(pluginInfo(instantiate(bytes)));
    },
  );

  it.each(brokenWatModules.map(({ name, bytes }) => [name, bytes] as const))(
    '%s still validates',
    (_name, bytes) => {
      expect(validates(guarded(bytes, 1000).bytes)).toBe(true);
    },
  );

  it('rewrites every memory.grow the Rust allocator has, and leaves no memory.grow behind', () => {
    const { bytes, growSites } = guarded(referencePlugin('text-normalize.wasm'), 1000);
    expect(growSites).toBeGreaterThan(0);
    const code = splitSections(bytes).find(({ id }) => id === SectionId.code);
    const start = code?.origin?.payloadOffset ?? 0;
    const entries = readCodeEntries(bytes, start, start + (code?.payload.length ?? 0));
    const grows = entries.map(
      (entry) =>
        decodeFunctionBody(bytes, entry.start, entry.end).instructions.filter(
          ({ name }) => name === 'memory.grow',
        ).length,
    );
    // Only $zc_grow itself, the last function, still grows memory.
    expect(grows.slice(0, -1).every((count) => count === 0)).toBe(true);
    expect(grows.at(-1)).toBe(1);
  });

  it('leaves every section it has no reason to touch byte-identical', () => {
    const original = referencePlugin('text-normalize.wasm');
    const touched: number[] = [
      SectionId.type,
      SectionId.function,
      SectionId.global,
      SectionId.export,
      SectionId.code,
    ];
    const before = splitSections(original).filter(({ id }) => !touched.includes(id));
    const after = splitSections(guarded(original, 1000).bytes).filter(
      ({ id }) => !touched.includes(id),
    );
    expect(after.map(({ payload }) => payload)).toEqual(before.map(({ payload }) => payload));
  });

  it('stops the Rust allocator at the budget: the call traps and the delta is recorded', () => {
    const { bytes } = guarded(referencePlugin('text-normalize.wasm'), 17);
    const { exports } = instantiate(bytes);
    const memory = exports.memory as WebAssembly.Memory;
    const budget = exports[GUARD_EXPORTS.budget] as WebAssembly.Global;
    const refused = exports[GUARD_EXPORTS.refused] as WebAssembly.Global;
    budget.value = memory.buffer.byteLength / 65536;
    expect(() => (exports.alloc as (size: number) => number)(8 << 20)).toThrow(
      WebAssembly.RuntimeError,
    );
    expect(refused.value).toBeGreaterThanOrEqual(128);
  });
});

describe('guardMemoryGrowth semantics', () => {
  it('grows exactly as before within the budget', () => {
    const plain = start(grower('1 10'));
    const guard = start(guarded(grower('1 10'), 8).bytes);
    for (const delta of [1, 0, 2, 3, 0, 1]) {
      expect([guard.grow(delta), guard.size()]).toEqual([plain.grow(delta), plain.size()]);
    }
    expect(guard.size()).toBe(8);
    expect(guard.refused?.value).toBe(-1);
  });

  it('passes on the engine’s own refusal (maximum below the budget) unchanged', () => {
    const guard = start(guarded(grower('1 2'), 100).bytes);
    expect(guard.grow(5)).toBe(-1);
    expect(guard.size()).toBe(1);
    expect(guard.refused?.value).toBe(-1);
  });

  it('answers -1 to growth past the memory’s own maximum, even past the budget: any engine would', () => {
    // An allocator asked for an impossible size gets the -1 it handles, not a stop.
    const declared = start(guarded(grower('1 8'), 2).bytes);
    expect(declared.grow(8)).toBe(-1);
    expect(declared.refused?.value).toBe(-1);
    const undeclared = start(guarded(grower('1'), 2).bytes);
    expect(undeclared.grow(65536)).toBe(-1);
    expect(undeclared.grow(-1)).toBe(-1);
    expect(undeclared.refused?.value).toBe(-1);
    expect(undeclared.size()).toBe(1);
    // Within the maximum but past the budget it is still the plugin's growth, and stopped.
    expect(() => declared.grow(7)).toThrow(WebAssembly.RuntimeError);
    expect(declared.refused?.value).toBe(7);
  });

  it('traps on growth past the budget, records the delta and does not grow', () => {
    const guard = start(guarded(grower('2'), 4).bytes);
    expect(guard.grow(1)).toBe(2);
    expect(() => guard.grow(2)).toThrow(/unreachable/);
    expect(guard.refused?.value).toBe(2);
    expect(guard.size()).toBe(3);
    expect(() => guard.grow(65000)).toThrow(WebAssembly.RuntimeError);
    expect(guard.refused?.value).toBe(65000);
  });

  it('lets a later grow succeed once the host raises the budget', () => {
    const guard = start(guarded(grower('1'), 1).bytes);
    expect(() => guard.grow(1)).toThrow(WebAssembly.RuntimeError);
    expect(guard.budget?.value).toBe(1);
    (guard.budget as WebAssembly.Global).value = 3;
    expect(guard.grow(2)).toBe(1);
    expect(guard.size()).toBe(3);
  });

  it('never refuses growing by 0, even with the budget below the size', () => {
    const guard = start(guarded(grower('4'), 2).bytes);
    expect(guard.grow(0)).toBe(4);
    expect(() => guard.grow(1)).toThrow(WebAssembly.RuntimeError);
    expect(guard.refused?.value).toBe(1);
  });

  it('guards the memory-bomb plugins: process traps instead of asking for 4 GiB', () => {
    const bomb = brokenWatModules.find(({ name }) => name.endsWith('process-memory-bomb.wat'));
    const { exports } = instantiate(guarded(bomb?.bytes as Uint8Array, 16).bytes);
    const memory = new Uint8Array((exports.memory as WebAssembly.Memory).buffer);
    memory.set([64, 0, 0, 0], 1024); // capacity cell
    expect(() => (exports.process as (...args: number[]) => number)(0, 4, 512, 1024)).toThrow(
      WebAssembly.RuntimeError,
    );
    expect((exports[GUARD_EXPORTS.refused] as WebAssembly.Global).value).toBe(65000);
  });

  it('rewrites a module that uses SIMD, atomics, EH and tail calls', () => {
    const { bytes, growSites } = guarded(featureModule(), 10);
    expect(growSites).toBe(1);
    expect(validates(bytes)).toBe(true);
  });
});

describe('guardMemoryGrowth leaves alone or refuses', () => {
  it('returns a module without memory.grow unchanged, with no globals added', () => {
    const bytes = wat(
      '(module (memory (export "memory") 1) (func (export "f") (result i32) (memory.size)))',
    );
    const result = guardMemoryGrowth(bytes, 10);
    expect(result).toEqual({ ok: true, bytes, growSites: 0 });
    expect(result.ok && result.bytes).toBe(bytes);
  });

  it('returns a module without memory unchanged', () => {
    const bytes = wat('(module (func (export "f") (result i32) (i32.const 1)))');
    expect(guardMemoryGrowth(bytes, 10)).toEqual({ ok: true, bytes, growSites: 0 });
  });

  it('refuses multi-memory and memory64 with a reason naming the feature', () => {
    expect(reason(multiMemoryModule())).toBe(
      'the module has 2 memories (multi-memory); only a single memory can be guarded',
    );
    expect(reason(memory64Module())).toMatch(/memory64/);
  });

  it('refuses an instruction it cannot decode, naming the opcode and offset', () => {
    const bytes = wat('(module (memory 1) (func (drop (memory.grow (i32.const 1))) (nop)))');
    bytes[bytes.lastIndexOf(0x01)] = 0xd3;
    expect(reason(bytes)).toMatch(
      /^cannot rewrite the function bodies: unknown opcode 0xd3 at byte offset \d+$/,
    );
  });

  it('refuses a module that already exports one of the guard names', () => {
    const bytes = wat(`(module (memory 1)
      (global (export "${GUARD_EXPORTS.refused}") i32 (i32.const 0))
      (func (drop (memory.grow (i32.const 1)))))`);
    expect(reason(bytes)).toBe(`the module already exports ${GUARD_EXPORTS.refused}`);
  });

  it('refuses bytes that are not a module', () => {
    expect(reason(new TextEncoder().encode('(module)'))).toMatch(/^cannot read the module: /);
  });
});
