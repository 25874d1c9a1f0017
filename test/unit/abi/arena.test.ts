import { describe, expect, it } from 'vitest';
import { ArenaSource, arenaSourceFor } from '../../../src/abi/arena.js';
import {
  DEFAULT_PLACEMENT,
  planLayout,
  type BufferSizes,
  type Placement,
} from '../../../src/abi/buffer-layout.js';
import { placeBuffers, type PlacedBuffers } from '../../../src/abi/place-buffers.js';
import { PAGE, globalValue, load } from '../host/fixtures.js';
import { COPY, GROW, MEMORY, withAllocator, withBadAllocator } from './plugins.js';

const SIZES: BufferSizes = { input: 100, output: 300, cell: 4, params: 0 };
const AT_END: Placement = { ...DEFAULT_PLACEMENT, layout: 'output-at-end' };

function placed(result: ReturnType<typeof placeBuffers>): PlacedBuffers {
  if (!result.ok) throw new Error(result.problem);
  return result.placed;
}

describe('ArenaSource from host pages', () => {
  it('grows memory by whole pages and hands out the new region', () => {
    const plugin = load(COPY);
    const source = new ArenaSource(plugin, false);
    const before = plugin.memoryBytes;
    const acquired = source.acquire(1000, false);
    expect(acquired).toEqual({ ok: true, arena: { base: before, size: 1000, fromAlloc: false } });
    expect(plugin.memoryBytes).toBe(before + PAGE);
  });

  it('grows as many pages as the size needs', () => {
    const plugin = load(COPY);
    const before = plugin.memoryBytes;
    new ArenaSource(plugin, false).acquire(2 * PAGE + 1, false);
    expect(plugin.memoryBytes).toBe(before + 3 * PAGE);
  });

  it('reuses its region for later calls that fit', () => {
    const plugin = load(COPY);
    const source = new ArenaSource(plugin, false);
    const first = source.acquire(1000, false);
    const grown = plugin.memoryBytes;
    const second = source.acquire(500, false);
    const third = source.acquire(PAGE, false);
    expect(plugin.memoryBytes).toBe(grown);
    expect(second).toEqual(first.ok ? { ok: true, arena: { ...first.arena, size: 500 } } : first);
    expect(third.ok && third.arena.base).toBe(first.ok && first.arena.base);
  });

  it('grows a new region when a call needs more than the old one', () => {
    const plugin = load(COPY);
    const source = new ArenaSource(plugin, false);
    source.acquire(1000, false);
    const grown = plugin.memoryBytes;
    const bigger = source.acquire(PAGE + 1, false);
    expect(plugin.memoryBytes).toBe(grown + 2 * PAGE);
    expect(bigger.ok && bigger.arena.base).toBe(grown);
  });

  it('at the end of memory: the block ends where memory ends', () => {
    const plugin = load(COPY);
    const acquired = new ArenaSource(plugin, false).acquire(1000, true);
    expect(acquired.ok && acquired.arena.base + acquired.arena.size).toBe(plugin.memoryBytes);
  });

  it('at the end of memory: grows again once the plugin grew memory past the region', () => {
    const plugin = load(`${COPY} ${GROW(1)}`);
    const source = new ArenaSource(plugin, false);
    source.acquire(1000, true);
    plugin.call('grow');
    const grown = plugin.memoryBytes;
    const again = source.acquire(1000, true);
    expect(plugin.memoryBytes).toBe(grown + PAGE);
    expect(again.ok && again.arena.base + 1000).toBe(plugin.memoryBytes);
    // Not at the end, the region is still good: no growth.
    plugin.call('grow');
    const apart = source.acquire(1000, false);
    expect(apart.ok && apart.arena.base).toBe(grown);
  });

  it("the pages it grows are the host's: they do not use up the plugin's memory limit", () => {
    // 2 pages of its own and a 2-page limit: the plugin cannot grow, even after the host did.
    const plugin = load(`${COPY} ${GROW(1)}`, { maxMemoryBytes: 2 * PAGE });
    new ArenaSource(plugin, false).acquire(PAGE + 1, false);
    expect(plugin.memoryBytes).toBe(4 * PAGE);
    expect(plugin.call('grow')).toMatchObject({ kind: 'stopped', reason: 'memory-bomb' });
  });

  it("the host's pages raise the budget by as much: the plugin keeps its own headroom", () => {
    const plugin = load(`${COPY} ${GROW(1)}`, { maxMemoryBytes: 3 * PAGE });
    new ArenaSource(plugin, false).acquire(PAGE + 1, false);
    expect(plugin.call('grow')).toEqual({ kind: 'returned', value: 4 });
    expect(plugin.call('grow')).toMatchObject({ kind: 'stopped', reason: 'memory-bomb' });
  });

  it('is a problem, not an exception, when memory is at its maximum', () => {
    const plugin = load('(memory (export "memory") 1 1)');
    expect(new ArenaSource(plugin, false).acquire(10, false)).toEqual({
      ok: false,
      problem: "memory cannot grow by 1 pages for the host's buffers (at its maximum?)",
    });
  });

  it('is a problem when the plugin exports no memory', () => {
    const plugin = load('(memory 1)');
    expect(new ArenaSource(plugin, false).acquire(10, false)).toEqual({
      ok: false,
      problem: 'the plugin exports no memory',
    });
  });

  it('release does nothing for host pages', () => {
    const plugin = load(COPY);
    const source = new ArenaSource(plugin, false);
    const acquired = source.acquire(10, false);
    expect(acquired.ok && source.release(acquired.arena)).toBeUndefined();
  });
});

describe('ArenaSource from the plugin allocator', () => {
  it('takes the block alloc returns and gives it back to dealloc', () => {
    const plugin = load(withAllocator(COPY, 1024));
    const source = new ArenaSource(plugin, true);
    const before = plugin.memoryBytes;
    const acquired = source.acquire(200, false);
    expect(acquired).toEqual({ ok: true, arena: { base: 1024, size: 200, fromAlloc: true } });
    expect(plugin.memoryBytes).toBe(before);
    expect(globalValue(plugin, 'allocs')).toBe(1);
    expect(acquired.ok && source.release(acquired.arena)).toBeUndefined();
    expect(globalValue(plugin, 'deallocs')).toBe(1);
    expect(globalValue(plugin, 'freedPtr')).toBe(1024);
    expect(globalValue(plugin, 'freedSize')).toBe(200);
  });

  it.each([
    { alloc: '(i32.const 0)', problem: 'alloc(16) returned 0 (no memory)' },
    {
      alloc: '(i32.const 131070)',
      problem: 'alloc(16) returned 131070, a block ending past memory (131072 bytes)',
    },
    {
      alloc: '(i32.const -16)',
      problem: 'alloc(16) returned 4294967280, a block ending past memory (131072 bytes)',
    },
    { alloc: 'unreachable', problem: 'alloc(16) failed: trap: unreachable' },
  ])('alloc $alloc is a problem', ({ alloc, problem }) => {
    const plugin = load(withBadAllocator(COPY, alloc));
    expect(new ArenaSource(plugin, true).acquire(16, false)).toEqual({ ok: false, problem });
  });

  it('a block ending exactly at the end of memory is fine', () => {
    const plugin = load(withBadAllocator(COPY, '(i32.const 131056)'));
    expect(new ArenaSource(plugin, true).acquire(16, false)).toEqual({
      ok: true,
      arena: { base: 131056, size: 16, fromAlloc: true },
    });
  });

  it('an alloc that grows memory for the block is not refused, and its pages are not counted', () => {
    const plugin = load(
      `${COPY} ${GROW(1)}
      (func (export "alloc") (param i32) (result i32)
        (i32.mul (memory.grow (i32.const 4)) (i32.const 65536)))
      (func (export "dealloc") (param i32 i32))`,
      { maxMemoryBytes: 3 * PAGE },
    );
    expect(new ArenaSource(plugin, true).acquire(100, false)).toEqual({
      ok: true,
      arena: { base: 2 * PAGE, size: 100, fromAlloc: true },
    });
    expect(plugin.memoryBytes).toBe(6 * PAGE);
    expect(plugin.call('grow')).toEqual({ kind: 'returned', value: 6 });
    expect(plugin.call('grow')).toMatchObject({ kind: 'stopped', reason: 'memory-bomb' });
  });

  it('release reports a dealloc that traps', () => {
    const plugin = load(`${COPY}
      (func (export "alloc") (param i32) (result i32) (i32.const 1024))
      (func (export "dealloc") (param i32 i32) unreachable)`);
    const source = new ArenaSource(plugin, true);
    const acquired = source.acquire(8, false);
    expect(acquired.ok && source.release(acquired.arena)).toBe(
      'dealloc(1024, 8) failed: trap: unreachable',
    );
  });
});

describe('arenaSourceFor', () => {
  it.each([
    { name: 'alloc and dealloc', plugin: withAllocator(COPY), useAlloc: true },
    {
      name: 'alloc only',
      plugin: `${COPY} (func (export "alloc") (param i32) (result i32) (i32.const 8))`,
      useAlloc: false,
    },
    { name: 'neither', plugin: COPY, useAlloc: false },
  ])('$name -> useAlloc $useAlloc', ({ plugin, useAlloc }) => {
    expect(arenaSourceFor(load(plugin)).useAlloc).toBe(useAlloc);
  });

  it('is one source per instance', () => {
    const a = load(COPY);
    const b = load(COPY);
    expect(arenaSourceFor(a)).toBe(arenaSourceFor(a));
    expect(arenaSourceFor(a)).not.toBe(arenaSourceFor(b));
  });
});

describe('placeBuffers', () => {
  it('host pages: addresses are the arena base plus the planned offsets', () => {
    const plugin = load(COPY);
    const before = plugin.memoryBytes;
    const { arena, base, layout, addresses } = placed(
      placeBuffers(plugin, SIZES, DEFAULT_PLACEMENT),
    );
    expect(arena.fromAlloc).toBe(false);
    expect(base).toBe(before);
    expect(layout).toEqual(planLayout(SIZES, DEFAULT_PLACEMENT));
    expect(addresses).toEqual({
      input: base + layout.input.start,
      output: base + layout.output.start,
      cell: base + layout.cell.start,
      params: base + layout.params.start,
    });
  });

  it('host pages: output-at-end places the output so it ends where memory ends', () => {
    const plugin = load(COPY);
    const { addresses, layout, base } = placed(placeBuffers(plugin, SIZES, AT_END));
    expect(layout.atMemoryEnd).toBe(true);
    expect(addresses.output + SIZES.output).toBe(plugin.memoryBytes);
    expect(base + layout.arenaSize).toBe(plugin.memoryBytes);
    expect(base % 8).toBe(0);
  });

  it('host pages: later placements reuse the grown pages', () => {
    const plugin = load(COPY);
    const first = placed(placeBuffers(plugin, SIZES, DEFAULT_PLACEMENT));
    const grown = plugin.memoryBytes;
    const second = placed(placeBuffers(plugin, SIZES, DEFAULT_PLACEMENT));
    const atEnd = placed(placeBuffers(plugin, SIZES, AT_END));
    expect(plugin.memoryBytes).toBe(grown);
    expect(second.addresses).toEqual(first.addresses);
    expect(atEnd.addresses.output + SIZES.output).toBe(grown);
  });

  it('alloc: the block comes from alloc, with 8 bytes of slack to align the base', () => {
    const plugin = load(withAllocator(COPY, 1027));
    const { arena, base, layout, addresses } = placed(
      placeBuffers(plugin, SIZES, DEFAULT_PLACEMENT),
    );
    expect(arena).toEqual({ base: 1027, size: layout.arenaSize + 8, fromAlloc: true });
    expect(base).toBe(1032);
    expect(base + layout.arenaSize).toBeLessThanOrEqual(arena.base + arena.size);
    expect(addresses.cell % 8).toBe(0);
    expect(addresses.input % 8).toBe(0);
  });

  it('alloc: output-at-end falls back to apart (the plugin decides where its block lies)', () => {
    const plugin = load(withAllocator(COPY));
    const { layout } = placed(placeBuffers(plugin, SIZES, AT_END));
    expect(layout.atMemoryEnd).toBe(false);
    expect(layout).toEqual(planLayout(SIZES, DEFAULT_PLACEMENT));
  });

  it('passes the arena problem on', () => {
    const plugin = load(withBadAllocator(COPY, '(i32.const 0)'));
    const result = placeBuffers(plugin, SIZES, DEFAULT_PLACEMENT);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/^alloc\(\d+\) returned 0 \(no memory\)$/);
  });

  // The padding output-at-end needs sits in the guard before the output, not in front of the
  // arena, so the cell keeps its alignment in memory.
  it('host pages: output-at-end keeps the cell 8-aligned in memory', () => {
    const plugin = load(MEMORY);
    const { addresses } = placed(
      placeBuffers(plugin, { input: 10, output: 13, cell: 4, params: 0 }, AT_END),
    );
    expect(addresses.cell % 8).toBe(0);
  });
});
