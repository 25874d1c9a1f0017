import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEMENT, OUTPUT_FILL, type Placement } from '../../../src/abi/buffer-layout.js';
import { guardedCall, type GuardedCallPlan } from '../../../src/abi/guarded-call.js';
import { encodeStruct } from '../../../src/abi/struct.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { globalValue, load, utf8 } from '../host/fixtures.js';
import {
  COPY,
  MODIFIES_INPUT,
  TOKENIZE,
  TRAPS,
  WRITES_BEFORE_OUTPUT,
  WRITES_PAST_OUTPUT,
  copyThen,
  resize,
  withAllocator,
} from './plugins.js';

const spec = new SpecIndex(loadSpec());
const PROCESS_ROLES = ['input-ptr', 'input-len', 'output-ptr', 'output-len-cell'] as const;
const RESIZE_ROLES = ['input-ptr', 'params-ptr', 'output-ptr'] as const;
const INPUT = utf8('hello, guards');
const RESIZE_PARAMS = spec.structsByName.get('ResizeParams')!;

const plan = (overrides: Partial<GuardedCallPlan> = {}): GuardedCallPlan => ({
  exportName: 'process',
  roles: [...PROCESS_ROLES],
  input: INPUT,
  outputBytes: 32,
  cellValue: 32,
  placement: DEFAULT_PLACEMENT,
  ...overrides,
});

const placements: Array<{ name: string; placement: Placement }> = [
  { name: 'apart', placement: DEFAULT_PLACEMENT },
  { name: 'adjacent', placement: { ...DEFAULT_PLACEMENT, layout: 'adjacent' } },
  { name: 'output-at-end', placement: { ...DEFAULT_PLACEMENT, layout: 'output-at-end' } },
  {
    name: 'apart, misaligned',
    placement: { layout: 'apart', misalign: { input: 3, output: 5, cell: 1, params: 7 } },
  },
];

describe('guardedCall', () => {
  it.each(placements)('a correct copy plugin has no violations ($name)', ({ placement }) => {
    const plugin = load(COPY);
    const result = guardedCall(plugin, plan({ placement }));
    expect(result.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(result.violations).toEqual([]);
    expect(result.cellAfter).toBe(INPUT.length);
    expect(result.output).toEqual(INPUT);
    expect(result.setupProblem).toBeUndefined();
  });

  it('passes the addresses it reports, in role order', () => {
    const plugin = load(`${COPY}
      (global $args (export "argsum") (mut i32) (i32.const 0))
      (func (export "sum") (param i32 i32 i32 i32) (result i32)
        (global.set $args (i32.add (i32.add (local.get 0) (local.get 1))
                                   (i32.add (local.get 2) (local.get 3))))
        (i32.const 0))`);
    const result = guardedCall(plugin, plan({ exportName: 'sum' }));
    const { input, output, cell } = result.addresses;
    expect(globalValue(plugin, 'argsum')).toBe(input + INPUT.length + output + cell);
    expect(new Set([input, output, cell]).size).toBe(3);
  });

  it.each([
    {
      name: 'one byte past its output',
      plugin: WRITES_PAST_OUTPUT,
      violation: `wrote the byte right past the end of the output buffer (output + 32)`,
    },
    {
      name: 'one byte before its output',
      plugin: WRITES_BEFORE_OUTPUT,
      violation: 'wrote 1 bytes before the start of the output buffer (output - 1)',
    },
    {
      name: 'three bytes past its output',
      plugin: copyThen('(i32.store8 (i32.add (local.get $out) (i32.const 34)) (i32.const 0))'),
      violation: 'wrote 3 bytes past the end of the output buffer (output + 34)',
    },
    {
      name: 'into its input',
      plugin: MODIFIES_INPUT,
      violation: 'modified the input at input + 0',
    },
    {
      name: 'the byte after its cell',
      plugin: copyThen('(i32.store8 (i32.add (local.get $cell) (i32.const 4)) (i32.const 0))'),
      violation: 'wrote the byte right past the end of the cell buffer (cell + 4)',
    },
  ])('a plugin writing $name gets one violation', ({ plugin, violation }) => {
    const result = guardedCall(load(plugin), plan());
    expect(result.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]!.startsWith(violation), result.violations[0]).toBe(true);
  });

  it('shows the input bytes before and after the call that modified them', () => {
    const [violation] = guardedCall(load(MODIFIES_INPUT), plan()).violations;
    expect(violation).toMatch(
      /^modified the input at input \+ 0: first difference at byte 0 \(\d+ bytes each\): before the call \[[0-9a-f]{2}\].*; after \[[0-9a-f]{2}\]/,
    );
  });

  it('adjacent: a write before the output lands in (and is reported as) the input', () => {
    const result = guardedCall(
      load(WRITES_BEFORE_OUTPUT),
      plan({ placement: { ...DEFAULT_PLACEMENT, layout: 'adjacent' } }),
    );
    expect(result.violations).toHaveLength(1);
    expect(result.violations[0]).toMatch(
      new RegExp(`^modified the input at input \\+ ${INPUT.length - 1}: first difference`),
    );
  });

  it('output-at-end: a write past the output traps at the end of memory', () => {
    const plugin = load(WRITES_PAST_OUTPUT);
    const result = guardedCall(
      plugin,
      plan({ placement: { ...DEFAULT_PLACEMENT, layout: 'output-at-end' } }),
    );
    expect(result.addresses.output + 32).toBe(plugin.memoryBytes);
    expect(result.outcome).toMatchObject({
      kind: 'trapped',
      message: 'trap: memory access out of bounds',
    });
    expect(result.violations).toEqual([]);
  });

  it('a plugin modifying the params struct gets a violation', () => {
    const fields = { src_width: 2, src_height: 2, dst_width: 1, dst_height: 1 };
    const call = (text: string) =>
      guardedCall(load(text), {
        exportName: 'resize_image',
        roles: [...RESIZE_ROLES],
        input: Uint8Array.from({ length: 12 }, (_, i) => i + 1),
        outputBytes: 3,
        params: encodeStruct(RESIZE_PARAMS, fields),
        placement: DEFAULT_PLACEMENT,
      });
    const good = call(resize());
    expect(good.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(good.violations).toEqual([]);
    expect(Array.from(good.output)).toEqual([1, 2, 3]);
    expect(good.cellAfter).toBeUndefined();
    const bad = call(resize('(i32.store offset=8 (local.get $p) (i32.const 0))'));
    expect(bad.violations).toEqual(['modified the params struct at params + 8']);
  });

  it('reports every violation of one call', () => {
    const plugin = load(
      copyThen(`
        (i32.store8 (i32.add (local.get $out) (local.get $cap)) (i32.const 0))
        (i32.store8 (local.get $in) (i32.const 0))`),
    );
    const result = guardedCall(
      plugin,
      plan({ outputBytes: INPUT.length, cellValue: INPUT.length }),
    );
    expect(result.violations).toHaveLength(2);
    expect(result.violations[0]).toBe(
      `wrote the byte right past the end of the output buffer (output + ${INPUT.length})`,
    );
    expect(result.violations[1]).toMatch(/^modified the input at input \+ 0: /);
  });

  it('verify: false skips the guard and input checks', () => {
    const result = guardedCall(load(WRITES_PAST_OUTPUT), plan({ verify: false }));
    expect(result.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(result.violations).toEqual([]);
    const input = guardedCall(load(MODIFIES_INPUT), plan({ verify: false }));
    expect(input.violations).toEqual([]);
  });

  it('writes the capacity into the cell and reads it back after the call', () => {
    const result = guardedCall(load(COPY), plan({ cellValue: 4, outputBytes: 4 }));
    expect(result.outcome).toEqual({ kind: 'returned', value: -3 });
    expect(result.cellAfter).toBe(INPUT.length);
    // -3 asks for more: the cell is past the capacity, so the whole (unwritten) output is kept.
    expect(result.output).toHaveLength(4);
  });

  it('copies only the *output_len elements the call says it wrote', () => {
    const result = guardedCall(load(COPY), plan({ outputBytes: 100, cellValue: 100 }));
    expect(result.output).toEqual(INPUT);
  });

  it('counts *output_len in elements of elementBytes', () => {
    const input = utf8('abc');
    const result = guardedCall(load(TOKENIZE), {
      ...plan({ exportName: 'tokenize', input, outputBytes: 40, cellValue: 10 }),
      elementBytes: 4,
    });
    expect(result.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(result.cellAfter).toBe(3);
    expect(Array.from(new Uint32Array(result.output.slice().buffer))).toEqual([97, 98, 99]);
  });

  it('keepOutput: false leaves the output out', () => {
    const result = guardedCall(load(COPY), plan({ keepOutput: false }));
    expect(result.output).toHaveLength(0);
    expect(result.cellAfter).toBe(INPUT.length);
  });

  it('outputFill marks the bytes the call did not write', () => {
    const result = guardedCall(
      load(copyThen('')),
      plan({ roles: ['input-ptr', 'input-len', 'output-ptr'], outputFill: OUTPUT_FILL }),
    );
    // Without a cell the whole output is kept: the copy, then the fill.
    expect(result.cellAfter).toBeUndefined();
    expect(result.output).toHaveLength(32);
    expect(result.output.subarray(INPUT.length).every((byte) => byte === OUTPUT_FILL)).toBe(true);
  });

  it('a trap gives outcome trapped and poisons the instance', () => {
    const plugin = load(TRAPS);
    const result = guardedCall(plugin, plan());
    expect(result.outcome).toEqual({ kind: 'trapped', message: 'trap: unreachable', stderr: '' });
    expect(result.cellAfter).toBeUndefined();
    expect(result.violations).toEqual([]);
    expect(plugin.poisoned).toBe('an earlier call to `process` trapped');
    expect(guardedCall(plugin, plan()).outcome).toEqual({
      kind: 'blocked',
      reason: 'an earlier call to `process` trapped',
    });
  });

  it('an arena that cannot be set up is a setup problem; the export is not called', () => {
    const plugin = load('(memory (export "memory") 1 1) (func (export "process") unreachable)');
    const result = guardedCall(plugin, plan());
    const problem = "memory cannot grow by 1 pages for the host's buffers (at its maximum?)";
    expect(result).toEqual({
      outcome: { kind: 'blocked', reason: problem },
      addresses: { input: 0, output: 0, cell: 0, params: 0 },
      cellAfter: undefined,
      output: new Uint8Array(0),
      violations: [],
      setupProblem: problem,
    });
    expect(plugin.poisoned).toBeUndefined();
  });

  it('with an allocator: the buffers come from alloc and are released after the call', () => {
    const plugin = load(withAllocator(COPY));
    const result = guardedCall(plugin, plan());
    expect(result.violations).toEqual([]);
    expect(result.output).toEqual(INPUT);
    expect(result.addresses.cell).toBeGreaterThan(1027);
    expect(globalValue(plugin, 'allocs')).toBe(1);
    expect(globalValue(plugin, 'deallocs')).toBe(1);
    expect(globalValue(plugin, 'freedPtr')).toBe(1027);
  });

  it('with an allocator whose dealloc traps: the release problem is a violation', () => {
    const plugin = load(`${COPY}
      (func (export "alloc") (param i32) (result i32) (i32.const 1024))
      (func (export "dealloc") (param i32 i32) unreachable)`);
    const result = guardedCall(plugin, plan());
    expect(result.violations).toEqual([
      expect.stringMatching(/^dealloc\(1024, \d+\) failed: trap: unreachable$/),
    ]);
  });
});
