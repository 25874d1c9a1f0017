import { ArenaSource } from './arena.js';
import { DEFAULT_PLACEMENT, planLayout } from './buffer-layout.js';
import type { PluginInstance } from '../host/plugin-instance.js';
import { CallStopped } from '../host/traps.js';
import type { CallShape } from './call-shape.js';
import type { BenchInput } from '../bench/inputs.js';

/**
 * An export's buffers placed once in plugin memory, and a call that reuses them: what both
 * the timed harness and the raw loop run, so that they time the same work.
 */
export interface Resident {
  args: number[];
  /** Calls the export once on the resident buffers, rewriting the capacity cell first. */
  call: () => number;
  outputAddress: number;
  cellAddress: number | undefined;
  /** Capacity written into the cell before each call, in elements (capacity-cell exports). */
  capacity: number | undefined;
  outputBytes: number;
}

export type Placed = { ok: true; resident: Resident } | { ok: false; problem: string };

const sources = new WeakMap<PluginInstance, ArenaSource>();

/** Host pages or the plugin's alloc, as the spec says; one source per instance. */
function arenaSource(plugin: PluginInstance): ArenaSource {
  let source = sources.get(plugin);
  if (!source) {
    source = new ArenaSource(plugin, plugin.hasFunction('alloc') && plugin.hasFunction('dealloc'));
    sources.set(plugin, source);
  }
  return source;
}

/**
 * Places the case's buffers and returns a call on them. The call stops with CallStopped once
 * memory has grown past `maxMemoryBytes` (checked when the buffer changes, so for free
 * otherwise): a plugin that leaks per call must not take the process down in a timed loop.
 */
export function placeResident(
  plugin: PluginInstance,
  shape: CallShape,
  input: BenchInput,
  capacity: number | undefined,
  maxMemoryBytes: number,
): Placed {
  const hasCell = shape.roles.includes('output-len-cell');
  const outputBytes = hasCell ? (capacity ?? 0) * shape.elementBytes : (input.outputBytes ?? 0);
  const sizes = {
    input: input.input.length,
    output: outputBytes,
    cell: hasCell ? 4 : 0,
    params: input.params?.length ?? 0,
  };
  const layout = planLayout(sizes, DEFAULT_PLACEMENT);
  const source = arenaSource(plugin);
  const slack = source.useAlloc ? 8 : 0; // alloc may return any alignment; we align within
  const acquired = source.acquire(layout.arenaSize + slack, false);
  if (!acquired.ok) return { ok: false, problem: acquired.problem };
  const base = slack ? (acquired.arena.base + 7) & ~7 : acquired.arena.base;
  const at = {
    input: base + layout.input.start,
    output: base + layout.output.start,
    cell: base + layout.cell.start,
    params: base + layout.params.start,
  };
  const memory = plugin.memory!;
  const bytes = new Uint8Array(memory.buffer);
  bytes.set(input.input, at.input);
  if (input.params) bytes.set(input.params, at.params);

  const args = shape.roles.map((role) => {
    switch (role) {
      case 'input-ptr':
        return at.input;
      case 'input-len':
        return input.input.length;
      case 'output-ptr':
        return at.output;
      case 'output-len-cell':
        return at.cell;
      case 'params-ptr':
        return at.params;
      default:
        throw new Error(`the bench cannot fill a parameter with role ${role}`);
    }
  });
  const fn = plugin.instance.exports[shape.exportName] as (...args: number[]) => number;
  // Fixed arities avoid spreading arguments in the timed loop; the spec's exports take 3 or 4.
  const [a = 0, b = 0, c = 0, d = 0] = args;
  let invoke: () => number;
  if (args.length === 4) invoke = () => fn(a, b, c, d);
  else if (args.length === 3) invoke = () => fn(a, b, c);
  else invoke = () => fn(...args);
  const grew = (): void => {
    const bytes = memory.buffer.byteLength;
    if (bytes > maxMemoryBytes) {
      throw new CallStopped(
        'memory-bomb',
        shape.exportName,
        `\`${shape.exportName}\` grew memory to ${bytes} bytes, past the ${maxMemoryBytes}-byte limit`,
      );
    }
  };
  let call: () => number;
  if (hasCell) {
    // The cell is 8-aligned (DEFAULT_PLACEMENT), so a Uint32Array index reaches it; memory.grow
    // replaces the buffer, so the view is renewed when the buffer changes.
    const index = at.cell >>> 2;
    const room = capacity ?? 0;
    let cells = new Uint32Array(memory.buffer);
    const renew = (): void => {
      grew();
      cells = new Uint32Array(memory.buffer);
    };
    call =
      args.length === 4
        ? () => {
            if (cells.buffer !== memory.buffer) renew();
            cells[index] = room;
            return fn(a, b, c, d);
          }
        : () => {
            if (cells.buffer !== memory.buffer) renew();
            cells[index] = room;
            return invoke();
          };
  } else {
    let seen = memory.buffer;
    call = () => {
      if (seen !== memory.buffer) {
        grew();
        seen = memory.buffer;
      }
      return invoke();
    };
  }
  return {
    ok: true,
    resident: {
      args,
      call,
      outputAddress: at.output,
      cellAddress: hasCell ? at.cell : undefined,
      capacity: hasCell ? capacity : undefined,
      outputBytes,
    },
  };
}
