import type { PluginInstance } from '../host/plugin-instance.js';
import { arenaSourceFor, type Arena, type ArenaSource } from './arena.js';
import type { BufferAddresses } from './arguments.js';
import {
  endsAtMemoryEnd,
  planLayout,
  type BufferSizes,
  type Placement,
  type PlannedLayout,
} from './buffer-layout.js';

export interface PlacedBuffers {
  source: ArenaSource;
  arena: Arena;
  /** The 8-aligned start the layout's offsets are relative to. */
  base: number;
  layout: PlannedLayout;
  addresses: BufferAddresses;
}

export type Placed = { ok: true; placed: PlacedBuffers } | { ok: false; problem: string };

/**
 * Takes memory for one call's buffers and lays them out: from `alloc` when the plugin exports
 * it (where output-at-end cannot be honoured: the plugin decides where its block lies), else at
 * the end of pages the host grew. Nothing is written yet.
 */
export function placeBuffers(
  plugin: PluginInstance,
  sizes: BufferSizes,
  placement: Placement,
): Placed {
  const source = arenaSourceFor(plugin);
  const layoutKind =
    source.useAlloc && endsAtMemoryEnd(placement.layout) ? 'apart' : placement.layout;
  const layout = planLayout(
    sizes,
    layoutKind === placement.layout ? placement : { ...placement, layout: layoutKind },
  );
  const slack = source.useAlloc ? 8 : 0; // alloc may return any alignment; we align within
  const acquired = source.acquire(layout.arenaSize + slack, layout.atMemoryEnd);
  if (!acquired.ok) return { ok: false, problem: acquired.problem };
  const arena = acquired.arena;
  const base = slack ? Math.ceil(arena.base / 8) * 8 : arena.base;
  return {
    ok: true,
    placed: {
      source,
      arena,
      base,
      layout,
      addresses: {
        input: base + layout.input.start,
        output: base + layout.output.start,
        cell: base + layout.cell.start,
        params: base + layout.params.start,
      },
    },
  };
}
