import type { PluginInstance } from '../host/plugin-instance.js';
import { argumentsFor } from './arguments.js';
import { DEFAULT_PLACEMENT } from './buffer-layout.js';
import type { CallShape } from './call-shape.js';
import { placeBuffers } from './place-buffers.js';

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

/** What a resident call passes: the input, a params struct for some exports, and for exports
 * whose output size follows from the params, that size. */
export interface ResidentInput {
  input: Uint8Array;
  params?: Uint8Array | undefined;
  outputBytes?: number | undefined;
}

export type PlacedResident = { ok: true; resident: Resident } | { ok: false; problem: string };

/**
 * Places the case's buffers and returns a call on them, straight on the export: a call that
 * throws (a trap, or the memory guard refusing a growth) throws out of `call`, and
 * `plugin.outcomeOf` says which it was.
 */
export function placeResident(
  plugin: PluginInstance,
  shape: CallShape,
  input: ResidentInput,
  capacity: number | undefined,
): PlacedResident {
  const hasCell = shape.roles.includes('output-len-cell');
  const outputBytes = hasCell ? (capacity ?? 0) * shape.elementBytes : (input.outputBytes ?? 0);
  const sizes = {
    input: input.input.length,
    output: outputBytes,
    cell: hasCell ? 4 : 0,
    params: input.params?.length ?? 0,
  };
  const placement = placeBuffers(plugin, sizes, DEFAULT_PLACEMENT);
  if (!placement.ok) return { ok: false, problem: placement.problem };
  const at = placement.placed.addresses;
  const memory = plugin.memory!;
  const bytes = plugin.bytes();
  bytes.set(input.input, at.input);
  if (input.params) bytes.set(input.params, at.params);

  const args = argumentsFor(shape.roles, at, input.input.length);
  const fn = plugin.instance.exports[shape.exportName] as (...args: number[]) => number;
  // Fixed arities avoid spreading arguments in the timed loop; the spec's exports take 3 or 4.
  const [a = 0, b = 0, c = 0, d = 0] = args;
  let invoke: () => number;
  if (args.length === 4) invoke = () => fn(a, b, c, d);
  else if (args.length === 3) invoke = () => fn(a, b, c);
  else invoke = () => fn(...args);
  let call: () => number;
  if (hasCell) {
    // The cell is 8-aligned (DEFAULT_PLACEMENT), so a Uint32Array index reaches it; memory.grow
    // replaces the buffer, so the view is renewed when the buffer changes.
    const index = at.cell >>> 2;
    const room = capacity ?? 0;
    let cells = new Uint32Array(memory.buffer);
    const renew = (): void => {
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
    call = invoke;
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
