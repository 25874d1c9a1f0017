// The coverage instrumentation finds the functions (and regions) a call runs, and the fuel
// ends a loop that never would.
import { describe, expect, it } from 'vitest';
import {
  coveredFunctions,
  coveredRegions,
  fuelGlobal,
  instructionRan,
  instrument,
} from '../../../bench/mutation/instrument.js';
import { wat } from '../../helpers/wat.js';

const MODULE = wat(`(module
  (func $shared (param $x i32) (result i32)
    (if (result i32) (i32.lt_s (local.get $x) (i32.const 0))
      (then (i32.const -1))
      (else (local.get $x))))
  (func $only_b (result i32) (i32.const 2))
  (func $never (result i32) (i32.const 3))
  (func (export "a") (param $x i32) (result i32) (call $shared (local.get $x)))
  (func (export "b") (result i32) (i32.add (call $only_b) (call $shared (i32.const 1))))
  (func (export "spin") (loop $forever (br $forever))))`);

const instantiate = (bytes: Uint8Array) =>
  new WebAssembly.Instance(new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>));

describe('coverage instrumentation', () => {
  it('finds the functions a call runs, and only those', () => {
    const { bytes, functions } = instrument(MODULE, { coverage: 'functions' });
    expect(WebAssembly.validate(bytes as Uint8Array<ArrayBuffer>)).toBe(true);
    expect(functions).toEqual([0, 1, 2, 3, 4, 5]);

    const a = instantiate(bytes);
    expect(coveredFunctions(a, functions)).toEqual([]);
    expect((a.exports['a'] as (x: number) => number)(-5)).toBe(-1);
    expect(coveredFunctions(a, functions)).toEqual([0, 3]);

    const b = instantiate(bytes);
    expect((b.exports['b'] as () => number)()).toBe(3);
    expect(coveredFunctions(b, functions)).toEqual([0, 1, 4]);
  });

  it('finds the regions of a body that ran: the then branch, not the else', () => {
    const { bytes, regions } = instrument(MODULE, { coverage: 'regions' });
    const instance = instantiate(bytes);
    (instance.exports['a'] as (x: number) => number)(-5);
    const covered = coveredRegions(instance, regions);
    expect([...covered.keys()]).toEqual([0, 3]);
    // $shared: local.get, i32.const, i32.lt_s, if, i32.const -1, else, local.get, end, end
    const starts = regions.get(0)!;
    const ran = new Set(covered.get(0));
    const ranAt = (index: number) => instructionRan(starts, ran, index);
    expect([0, 1, 2, 3, 4].map(ranAt)).toEqual([true, true, true, true, true]);
    expect(ranAt(6)).toBe(false);
    expect(ranAt(8)).toBe(true);
  });

  it('leaves behaviour alone, and stops a loop that never ends when the fuel runs out', () => {
    const { bytes } = instrument(MODULE, { coverage: 'regions', fuel: 1000 });
    const instance = instantiate(bytes);
    expect((instance.exports['b'] as () => number)()).toBe(3);
    expect(() => (instance.exports['spin'] as () => void)()).toThrow(WebAssembly.RuntimeError);
    expect(fuelGlobal(instance)?.value).toBe(0);
  });
});
