import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEMENT, OUTPUT_FILL } from '../../../src/abi/buffer-layout.js';
import {
  derivedOutputBytes,
  probe,
  runCallCase,
  type CallCase,
} from '../../../src/abi/call-case.js';
import { callShapeOf } from '../../../src/abi/call-shape.js';
import type { CapacityChoice } from '../../../src/abi/capacity.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { callsTo, load, utf8 } from '../host/fixtures.js';
import {
  COPY,
  MEMORY,
  RESIZE_REJECTS,
  TOKENIZE,
  TRAPS,
  expander,
  greedy,
  resize,
} from './plugins.js';

const spec = new SpecIndex(loadSpec());
const PROCESS = callShapeOf(spec, 'process');
const TOKENIZE_SHAPE = callShapeOf(spec, 'tokenize');
const RESIZE = callShapeOf(spec, 'resize_image');
const INPUT = utf8('abcdefghij');
const AMPLE = INPUT.length * 2 + 256;
const MAX_INPUT = 1 << 20;

const caseWith = (capacity: CapacityChoice, overrides: Partial<CallCase> = {}): CallCase => ({
  input: INPUT,
  placement: DEFAULT_PLACEMENT,
  capacity,
  ...overrides,
});

describe('probe', () => {
  it('one call when ample room is enough', () => {
    const plugin = load(COPY);
    const probed = probe(plugin, PROCESS, INPUT, false);
    expect(probed.needed).toBe(INPUT.length);
    expect(probed.capacity).toBe(AMPLE);
    expect(probed.result.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(probed.result.output).toHaveLength(0); // not kept
    expect(callsTo(plugin, 'process')).toHaveLength(1);
  });

  it('follows one -3 with the size the plugin asked for', () => {
    const plugin = load(expander(100));
    const probed = probe(plugin, PROCESS, INPUT, true);
    expect(probed.capacity).toBe(1000);
    expect(probed.needed).toBe(1000);
    expect(probed.result.output).toEqual(new Uint8Array(1000).fill(0x78));
    expect(callsTo(plugin, 'process')).toHaveLength(2);
  });

  it('follows only one -3: a plugin that always asks for more has no needed size', () => {
    const plugin = load(greedy(1));
    const probed = probe(plugin, PROCESS, INPUT, false);
    expect(probed.capacity).toBe(AMPLE + 1);
    expect(probed.needed).toBeUndefined();
    expect(probed.result.outcome).toEqual({ kind: 'returned', value: -3 });
    expect(callsTo(plugin, 'process')).toHaveLength(2);
  });

  it.each([
    { name: 'more than 64 MiB', plugin: greedy(64 * 1024 * 1024) },
    { name: 'no more than it had', plugin: greedy(0) },
  ])('does not follow a -3 asking for $name', ({ plugin: text }) => {
    const plugin = load(text);
    const probed = probe(plugin, PROCESS, INPUT, false);
    expect(probed.capacity).toBe(AMPLE);
    expect(probed.needed).toBeUndefined();
    expect(callsTo(plugin, 'process')).toHaveLength(1);
  });

  it('counts the 64 MiB bound in bytes for u32 elements', () => {
    const tokenizeGreedy = greedy(16 * 1024 * 1024).replace('"process"', '"tokenize"');
    const plugin = load(tokenizeGreedy);
    probe(plugin, TOKENIZE_SHAPE, INPUT, false);
    expect(callsTo(plugin, 'tokenize')).toHaveLength(1);
  });

  it('a plugin that fails with another code has no needed size', () => {
    const plugin = load(`${MEMORY}
      (func (export "process") (param i32 i32 i32 i32) (result i32) (i32.const -1))`);
    const probed = probe(plugin, PROCESS, INPUT, false);
    expect(probed.needed).toBeUndefined();
    expect(callsTo(plugin, 'process')).toHaveLength(1);
  });
});

describe('runCallCase with a capacity cell', () => {
  it.each<{
    choice: CapacityChoice;
    capacity: number;
    needed: number | undefined;
    value: number;
    calls: number;
  }>([
    { choice: { kind: 'zero' }, capacity: 0, needed: undefined, value: -3, calls: 1 },
    { choice: { kind: 'below', fraction: 0.5 }, capacity: 5, needed: 10, value: -3, calls: 2 },
    { choice: { kind: 'exact' }, capacity: 10, needed: 10, value: 0, calls: 2 },
    { choice: { kind: 'above', extra: 3 }, capacity: 13, needed: 10, value: 0, calls: 2 },
    { choice: { kind: 'ample' }, capacity: AMPLE, needed: undefined, value: 0, calls: 1 },
  ])('$choice.kind: capacity $capacity, returns $value', (c) => {
    const plugin = load(COPY);
    const run = runCallCase(plugin, PROCESS, caseWith(c.choice), MAX_INPUT);
    expect(run.capacity).toBe(c.capacity);
    expect(run.outputBytes).toBe(c.capacity);
    expect(run.needed).toBe(c.needed);
    expect(run.probe === undefined).toBe(c.calls === 1);
    expect(run.main.outcome).toEqual({ kind: 'returned', value: c.value });
    expect(run.main.cellAfter).toBe(INPUT.length);
    expect(run.main.violations).toEqual([]);
    if (c.value === 0) expect(run.main.output).toEqual(INPUT);
    expect(callsTo(plugin, 'process')).toHaveLength(c.calls);
  });

  it('alwaysProbe probes for an ample case too, and keepProbeOutput keeps its output', () => {
    const plugin = load(COPY);
    const run = runCallCase(plugin, PROCESS, caseWith({ kind: 'ample' }), MAX_INPUT, {
      alwaysProbe: true,
      keepProbeOutput: true,
    });
    expect(run.needed).toBe(INPUT.length);
    expect(run.capacity).toBe(AMPLE);
    expect(run.probe?.output).toEqual(INPUT);
    expect(callsTo(plugin, 'process')).toHaveLength(2);
  });

  it('follows the probe to a size past the ample room', () => {
    const plugin = load(expander(100));
    const run = runCallCase(plugin, PROCESS, caseWith({ kind: 'exact' }), MAX_INPUT);
    expect(run.needed).toBe(1000);
    expect(run.capacity).toBe(1000);
    expect(run.main.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(run.main.output).toHaveLength(1000);
    expect(callsTo(plugin, 'process')).toHaveLength(3);
  });

  it('runs with ample room when the probe cannot learn the needed size', () => {
    const plugin = load(greedy(1));
    const run = runCallCase(plugin, PROCESS, caseWith({ kind: 'exact' }), MAX_INPUT);
    expect(run.needed).toBeUndefined();
    expect(run.capacity).toBe(AMPLE);
    expect(callsTo(plugin, 'process')).toHaveLength(3);
  });

  it('a trapping probe is the call reported, with its capacity', () => {
    const plugin = load(TRAPS);
    const run = runCallCase(plugin, PROCESS, caseWith({ kind: 'exact' }), MAX_INPUT);
    expect(run.main).toBe(run.probe);
    expect(run.main.outcome).toMatchObject({ kind: 'trapped', message: 'trap: unreachable' });
    expect(run.capacity).toBe(AMPLE);
    expect(run.outputBytes).toBe(AMPLE);
    expect(run.needed).toBeUndefined();
    expect(callsTo(plugin, 'process')).toHaveLength(1);
  });

  it("the main call uses the case's placement (the probe does not)", () => {
    const plugin = load(COPY);
    const run = runCallCase(
      plugin,
      PROCESS,
      caseWith({ kind: 'exact' }, { placement: { ...DEFAULT_PLACEMENT, layout: 'output-at-end' } }),
      MAX_INPUT,
    );
    expect(run.main.addresses.output + 10).toBe(plugin.memoryBytes);
    expect(run.probe!.addresses.output + AMPLE).toBeLessThan(plugin.memoryBytes);
  });

  it('counts capacity in elements for tokenize', () => {
    const plugin = load(TOKENIZE);
    const run = runCallCase(plugin, TOKENIZE_SHAPE, caseWith({ kind: 'above', extra: 2 }), 1024);
    expect(run.needed).toBe(INPUT.length);
    expect(run.capacity).toBe(INPUT.length + 2);
    expect(run.outputBytes).toBe((INPUT.length + 2) * 4);
    expect(run.main.output).toHaveLength(INPUT.length * 4);
  });
});

describe('runCallCase with sizes derived from params', () => {
  it('encodes the fields, sizes the output from them and calls once', () => {
    const plugin = load(resize());
    const input = Uint8Array.from({ length: 4 * 2 * 3 }, (_, i) => i);
    const fields = { src_width: 4, src_height: 2, dst_width: 2, dst_height: 1 };
    const run = runCallCase(
      plugin,
      RESIZE,
      { input, fields, placement: DEFAULT_PLACEMENT, capacity: { kind: 'ample' } },
      MAX_INPUT,
    );
    expect(run).toMatchObject({ capacity: undefined, needed: undefined, probe: undefined });
    expect(run.outputBytes).toBe(6);
    expect(run.main.outcome).toEqual({ kind: 'returned', value: 0 });
    expect(Array.from(run.main.output)).toEqual([0, 1, 2, 6, 7, 8]);
    expect(run.main.violations).toEqual([]);
    expect(callsTo(plugin, 'resize_image')).toHaveLength(1);
  });

  it('gives absurd sizes a 64-byte decoy output, filled so unwritten bytes show', () => {
    const plugin = load(RESIZE_REJECTS);
    const fields = { src_width: 1, src_height: 1, dst_width: 0xffffffff, dst_height: 0xffffffff };
    const run = runCallCase(
      plugin,
      RESIZE,
      {
        input: new Uint8Array(3),
        fields,
        placement: DEFAULT_PLACEMENT,
        capacity: { kind: 'zero' },
      },
      MAX_INPUT,
    );
    expect(run.outputBytes).toBe(64);
    expect(run.main.outcome).toEqual({ kind: 'returned', value: -2 });
    expect(run.main.output).toEqual(new Uint8Array(64).fill(OUTPUT_FILL));
  });
});

describe('derivedOutputBytes', () => {
  it.each([
    { fields: { dst_width: 2, dst_height: 3 }, maxBytes: 100, expected: 18 },
    { fields: { dst_width: 0, dst_height: 3 }, maxBytes: 100, expected: 0 },
    { fields: { dst_width: 400, dst_height: 1 }, maxBytes: 400, expected: 1200 }, // 3 * 400 <= 4 * 400
    { fields: { dst_width: 534, dst_height: 1 }, maxBytes: 400, expected: 64 }, // 1602 > 4 * 400
    { fields: { dst_width: 1, dst_height: 1 }, maxBytes: 0, expected: 3 }, // bound is at least 4
    { fields: { dst_width: 0xffffffff, dst_height: 0xffffffff }, maxBytes: 1 << 20, expected: 64 },
  ])('$fields with max $maxBytes -> $expected', ({ fields, maxBytes, expected }) => {
    expect(derivedOutputBytes(RESIZE, fields, maxBytes)).toBe(expected);
  });
});
