import { describe, expect, it } from 'vitest';
import { callShapeOf } from '../../../src/abi/call-shape.js';
import { placeResident, type Resident } from '../../../src/abi/resident-call.js';
import { encodeStruct } from '../../../src/abi/struct.js';
import type { PluginInstance } from '../../../src/host/plugin-instance.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { PAGE, callsTo, load, utf8 } from '../host/fixtures.js';
import { COPY, MEMORY, resize, withAllocator } from './plugins.js';

const spec = new SpecIndex(loadSpec());
const PROCESS = callShapeOf(spec, 'process');
const RESIZE = callShapeOf(spec, 'resize_image');
const INPUT = utf8('resident input');

function resident(result: ReturnType<typeof placeResident>): Resident {
  if (!result.ok) throw new Error(result.problem);
  return result.resident;
}

const outputOf = (plugin: PluginInstance, at: Resident, length: number) =>
  plugin.bytes().slice(at.outputAddress, at.outputAddress + length);

/** Returns the capacity it found in the cell, then zeroes the cell. */
const CELL_ECHO = `${MEMORY}
  (func (export "process") (param i32 i32 i32) (param $cell i32) (result i32)
    (local $seen i32)
    (local.set $seen (i32.load (local.get $cell)))
    (i32.store (local.get $cell) (i32.const 0))
    (local.get $seen))`;

/** A process that grows memory by one page on every call. */
const LEAKS = `${MEMORY}
  (func (export "process") (param i32 i32 i32 i32) (result i32)
    (drop (memory.grow (i32.const 1)))
    (i32.const 0))`;

const RESIZE_FIELDS = { src_width: 2, src_height: 1, dst_width: 4, dst_height: 1 };
const RESIZE_INPUT = Uint8Array.from([1, 2, 3, 4, 5, 6]);

describe('placeResident', () => {
  it('call() repeatedly gives the same result and output', () => {
    const plugin = load(COPY);
    const at = resident(placeResident(plugin, PROCESS, { input: INPUT }, 64));
    expect(at.capacity).toBe(64);
    expect(at.outputBytes).toBe(64);
    for (let i = 0; i < 5; i++) {
      expect(at.call()).toBe(0);
      expect(outputOf(plugin, at, INPUT.length)).toEqual(INPUT);
    }
  });

  it('passes the placed addresses by role and does not go through PluginInstance.call', () => {
    const plugin = load(COPY);
    const at = resident(placeResident(plugin, PROCESS, { input: INPUT }, 64));
    expect(at.args).toEqual([expect.any(Number), INPUT.length, at.outputAddress, at.cellAddress]);
    expect(at.cellAddress! % 8).toBe(0);
    at.call();
    expect(callsTo(plugin, 'process')).toHaveLength(0);
  });

  it('rewrites the capacity cell before every call', () => {
    const plugin = load(CELL_ECHO);
    const at = resident(placeResident(plugin, PROCESS, { input: INPUT }, 37));
    expect([at.call(), at.call(), at.call()]).toEqual([37, 37, 37]);
  });

  it('works on buffers from the plugin allocator', () => {
    const plugin = load(withAllocator(COPY));
    const at = resident(placeResident(plugin, PROCESS, { input: INPUT }, 64));
    expect(at.call()).toBe(0);
    expect(at.cellAddress! % 8).toBe(0);
    expect(outputOf(plugin, at, INPUT.length)).toEqual(INPUT);
  });

  it('calls a params export with three arguments and the given output size', () => {
    const plugin = load(resize());
    const params = encodeStruct(RESIZE.params!.struct, RESIZE_FIELDS);
    const at = resident(
      placeResident(plugin, RESIZE, { input: RESIZE_INPUT, params, outputBytes: 12 }, 0),
    );
    expect(at.args).toHaveLength(3);
    expect(at.cellAddress).toBeUndefined();
    expect(at.capacity).toBeUndefined();
    expect(at.outputBytes).toBe(12);
    for (let i = 0; i < 3; i++) {
      expect(at.call()).toBe(0);
      expect(Array.from(outputOf(plugin, at, 12))).toEqual([1, 2, 3, 1, 2, 3, 4, 5, 6, 4, 5, 6]);
    }
  });

  it('is a problem when the buffers cannot be placed', () => {
    const plugin = load('(memory (export "memory") 1 1) (func (export "process"))');
    expect(placeResident(plugin, PROCESS, { input: INPUT }, 64)).toEqual({
      ok: false,
      problem: "memory cannot grow by 1 pages for the host's buffers (at its maximum?)",
    });
  });

  it.each([
    { name: 'with a capacity cell', body: LEAKS, shape: PROCESS },
    {
      name: 'without one',
      body: LEAKS.replace(
        '"process") (param i32 i32 i32 i32)',
        '"resize_image") (param i32 i32 i32)',
      ),
      shape: RESIZE,
    },
  ])('the memory limit stops the call that grows past it ($name)', ({ body, shape }) => {
    // 2 pages of its own, a 4-page limit, and the host's page for the buffers on top.
    const plugin = load(body, { maxMemoryBytes: 4 * PAGE });
    const params = encodeStruct(RESIZE.params!.struct, RESIZE_FIELDS);
    const at = resident(
      placeResident(plugin, shape, { input: INPUT, params, outputBytes: 12 }, 64),
    );
    expect(plugin.memoryBytes).toBe(3 * PAGE);
    let thrown: unknown;
    let calls = 0;
    for (; calls < 10; calls++) {
      try {
        at.call();
      } catch (error) {
        thrown = error;
        break;
      }
    }
    expect(calls).toBe(2);
    expect(plugin.memoryBytes).toBe(5 * PAGE); // the refused growth did not happen
    // The call throws straight out of the export; the instance says what it was.
    expect(plugin.outcomeOf(thrown, shape.exportName)).toEqual({
      kind: 'stopped',
      reason: 'memory-bomb',
      detail: `\`${shape.exportName}\` asked memory.grow for 1 more pages with 5 in use: past the 4-page limit of its own memory (maxMemoryBytes)`,
      stderr: '',
    });
    expect(plugin.poisoned).toBe(
      `an earlier call to \`${shape.exportName}\` was stopped (memory-bomb)`,
    );
  });

  it('a trap throws out of call(); outcomeOf calls it a trap', () => {
    const plugin = load(
      `${MEMORY} (func (export "process") (param i32 i32 i32 i32) (result i32) unreachable)`,
    );
    const at = resident(placeResident(plugin, PROCESS, { input: INPUT }, 8));
    let thrown: unknown;
    try {
      at.call();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WebAssembly.RuntimeError);
    expect(plugin.outcomeOf(thrown, 'process')).toMatchObject({
      kind: 'trapped',
      message: 'trap: unreachable',
    });
  });
});
