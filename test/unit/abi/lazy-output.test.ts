import { describe, expect, it } from 'vitest';
import { DEFAULT_PLACEMENT } from '../../../src/abi/buffer-layout.js';
import { dropOutputs, runCallCase, type CallCase } from '../../../src/abi/call-case.js';
import { callShapeOf } from '../../../src/abi/call-shape.js';
import { dropOutput, guardedCall, type GuardedCallPlan } from '../../../src/abi/guarded-call.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';
import { callsTo, load, utf8 } from '../host/fixtures.js';
import { COPY, withAllocator } from './plugins.js';

const spec = new SpecIndex(loadSpec());
const PROCESS = callShapeOf(spec, 'process');

const plan = (input: Uint8Array, overrides: Partial<GuardedCallPlan> = {}): GuardedCallPlan => ({
  exportName: 'process',
  roles: PROCESS.roles,
  input,
  outputBytes: 64,
  cellValue: 64,
  placement: DEFAULT_PLACEMENT,
  lazyOutput: true,
  ...overrides,
});

describe('lazyOutput', () => {
  it('reads the same output as a copy made at once', () => {
    const plugin = load(COPY);
    const input = utf8('lazy output');
    const lazy = guardedCall(plugin, plan(input));
    const eager = guardedCall(load(COPY), plan(input, { lazyOutput: false }));
    expect(lazy.output).toEqual(eager.output);
    expect(lazy.output).toEqual(input);
  });

  it('copies the output before the next call overwrites it', () => {
    const plugin = load(COPY);
    const first = guardedCall(plugin, plan(utf8('first')));
    const second = guardedCall(plugin, plan(utf8('second call')));
    expect(first.output).toEqual(utf8('first'));
    expect(second.output).toEqual(utf8('second call'));
  });

  it('copies it before bytes() hands out a view the host may write through', () => {
    const plugin = load(COPY);
    const result = guardedCall(plugin, plan(utf8('kept')));
    plugin.bytes().fill(0);
    expect(result.output).toEqual(utf8('kept'));
  });

  it('a dropped output is never copied, and reading it is our bug, said loudly', () => {
    const plugin = load(COPY);
    const result = guardedCall(plugin, plan(utf8('dropped')));
    dropOutput(result);
    guardedCall(plugin, plan(utf8('next')));
    expect(() => result.output).toThrow(/after dropOutput/);
  });

  it('an output read before it was dropped stays readable', () => {
    const result = guardedCall(load(COPY), plan(utf8('read first')));
    expect(result.output).toEqual(utf8('read first'));
    dropOutput(result);
    expect(result.output).toEqual(utf8('read first'));
  });

  it('a block from alloc is copied at once, before dealloc may reuse it', () => {
    const plugin = load(withAllocator(COPY));
    const result = guardedCall(plugin, plan(utf8('from alloc')));
    dropOutput(result);
    expect(result.output).toEqual(utf8('from alloc'));
  });

  it('runCallCase passes it on to the probe and the main call; dropOutputs drops both', () => {
    const plugin = load(COPY);
    const testCase: CallCase = {
      input: utf8('probe and call'),
      placement: DEFAULT_PLACEMENT,
      capacity: { kind: 'exact' },
    };
    const run = runCallCase(plugin, PROCESS, testCase, 1 << 20, {
      keepProbeOutput: true,
      lazyOutput: true,
    });
    expect(run.probe!.output).toEqual(testCase.input);
    expect(run.main.output).toEqual(testCase.input);
    const next = runCallCase(plugin, PROCESS, testCase, 1 << 20, { lazyOutput: true });
    dropOutputs(next);
    expect(() => next.main.output).toThrow(/after dropOutput/);
  });
});

describe('knownNeeded', () => {
  it('a rerun of the same input takes the needed size it was given: no second probe', () => {
    const plugin = load(COPY);
    const input = utf8('needed once');
    const testCase: CallCase = { input, placement: DEFAULT_PLACEMENT, capacity: { kind: 'exact' } };
    const first = runCallCase(plugin, PROCESS, testCase, 1 << 20);
    expect(first.needed).toBe(input.length);
    expect(callsTo(plugin, 'process')).toHaveLength(2);
    const again = runCallCase(plugin, PROCESS, testCase, 1 << 20, { knownNeeded: first.needed! });
    expect(callsTo(plugin, 'process')).toHaveLength(3);
    expect(again).toMatchObject({ needed: input.length, capacity: input.length, probe: undefined });
    expect(again.main.outcome).toEqual({ kind: 'returned', value: 0 });
  });

  it('alwaysProbe probes all the same; an ample capacity ignores it', () => {
    const plugin = load(COPY);
    const input = utf8('probe anyway');
    const exact: CallCase = { input, placement: DEFAULT_PLACEMENT, capacity: { kind: 'exact' } };
    runCallCase(plugin, PROCESS, exact, 1 << 20, { knownNeeded: 3, alwaysProbe: true });
    expect(callsTo(plugin, 'process')).toHaveLength(2);
    const ample = runCallCase(plugin, PROCESS, { ...exact, capacity: { kind: 'ample' } }, 1 << 20, {
      knownNeeded: 3,
    });
    expect(ample.needed).toBeUndefined();
    expect(ample.capacity).toBe(input.length * 2 + 256);
  });
});
