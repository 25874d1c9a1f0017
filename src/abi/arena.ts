import type { CallOutcome, PluginInstance } from '../host/plugin-instance.js';
import { WASM_PAGE_BYTES as PAGE } from '../wasm/page.js';

/** A block of plugin memory holding the host's buffers for one call. */
export interface Arena {
  base: number;
  size: number;
  fromAlloc: boolean;
}

export type ArenaResult = { ok: true; arena: Arena } | { ok: false; problem: string };

/**
 * Gets memory for the host's buffers the way the spec says: from the plugin's `alloc` when it
 * exports one, otherwise from pages the host grows itself (and keeps for later calls).
 */
export class ArenaSource {
  private hostRegion: { base: number; size: number } | undefined;

  constructor(
    private readonly plugin: PluginInstance,
    readonly useAlloc: boolean,
  ) {}

  acquire(size: number, atEndOfMemory: boolean): ArenaResult {
    return this.useAlloc ? this.fromAlloc(size) : this.fromHostPages(size, atEndOfMemory);
  }

  release(arena: Arena): string | undefined {
    if (!arena.fromAlloc) return undefined;
    const outcome = this.plugin.callAsHost('dealloc', [arena.base, arena.size]);
    return outcome.kind === 'returned'
      ? undefined
      : `dealloc(${arena.base}, ${arena.size}) failed: ${describeFailure(outcome)}`;
  }

  private fromAlloc(size: number): ArenaResult {
    const outcome = this.plugin.callAsHost('alloc', [size]);
    if (outcome.kind !== 'returned') {
      return { ok: false, problem: `alloc(${size}) failed: ${describeFailure(outcome)}` };
    }
    const base = (outcome.value ?? 0) >>> 0;
    if (base === 0) return { ok: false, problem: `alloc(${size}) returned 0 (no memory)` };
    if (base + size > this.plugin.memoryBytes) {
      return {
        ok: false,
        problem: `alloc(${size}) returned ${base}, a block ending past memory (${this.plugin.memoryBytes} bytes)`,
      };
    }
    return { ok: true, arena: { base, size, fromAlloc: true } };
  }

  private fromHostPages(size: number, atEndOfMemory: boolean): ArenaResult {
    const memory = this.plugin.memory;
    if (!memory) return { ok: false, problem: 'the plugin exports no memory' };
    const region = this.hostRegion;
    const regionEnd = region ? region.base + region.size : -1;
    const usable =
      region && region.size >= size && (!atEndOfMemory || regionEnd === memory.buffer.byteLength);
    if (!usable) {
      const pages = Math.ceil(size / PAGE);
      let oldPages: number;
      try {
        oldPages = this.plugin.growForHost(pages);
      } catch {
        return {
          ok: false,
          problem: `memory cannot grow by ${pages} pages for the host's buffers (at its maximum?)`,
        };
      }
      this.hostRegion = { base: oldPages * PAGE, size: pages * PAGE };
    }
    const current = this.hostRegion!;
    const base = atEndOfMemory ? current.base + current.size - size : current.base;
    return { ok: true, arena: { base, size, fromAlloc: false } };
  }
}

const sources = new WeakMap<PluginInstance, ArenaSource>();

/** The instance's one arena source: its `alloc` when it exports alloc and dealloc, else host pages. */
export function arenaSourceFor(plugin: PluginInstance): ArenaSource {
  let source = sources.get(plugin);
  if (!source) {
    source = new ArenaSource(plugin, plugin.hasFunction('alloc') && plugin.hasFunction('dealloc'));
    sources.set(plugin, source);
  }
  return source;
}

const describeFailure = (outcome: Exclude<CallOutcome, { kind: 'returned' }>): string =>
  outcome.kind === 'trapped'
    ? outcome.message
    : outcome.kind === 'stopped'
      ? outcome.detail
      : outcome.reason;
