import { describe, expect, it } from 'vitest';
import { PluginInstance } from '../../../src/host/plugin-instance.js';
import { WorkMeter } from '../../../src/host/work-meter.js';
import { instrumentWorkCounter, WORK_EXPORT } from '../../../src/wasm/count-work.js';
import { wat } from '../../helpers/wat.js';
import { OPTIONS, compileBody } from '../host/fixtures.js';

// `spin(n)` goes round its loop n times and calls `leaf` once: its work is its own entry, the
// n + 1 times control enters the loop (the last to leave it), and leaf's entry.
const SPIN = `
  (memory (export "memory") 1)
  (func $leaf)
  (func (export "spin") (param $n i32) (local $i i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (call $leaf))
  (func (export "flat") (result i32) (i32.add (i32.const 1) (i32.const 2)))`;

function counted(meter?: WorkMeter): PluginInstance {
  const created = PluginInstance.instantiate(
    compileBody(SPIN, undefined, {}, { countWork: true }),
    {
      ...OPTIONS,
      work: meter,
    },
  );
  if (!created.ok) throw new Error(created.message);
  return created.instance;
}

describe('the work counter', () => {
  it('counts function entries and loop iterations, the same for the same call', () => {
    const plugin = counted();
    for (const n of [0, 1, 1000, 1000]) {
      expect(plugin.call('spin', [n]).kind).toBe('returned');
      expect(plugin.lastCallWork).toBe(n + 3);
    }
    expect(plugin.call('flat').kind).toBe('returned');
    expect(plugin.lastCallWork).toBe(1);
  });

  it("adds every call of every instance that shares a meter, the host's calls included", () => {
    const meter = new WorkMeter();
    const a = counted(meter);
    const b = counted(meter);
    a.call('spin', [10]);
    b.call('spin', [20]);
    b.callAsHost('flat', []);
    expect(meter.spent).toBe(13 + 23 + 1);
  });

  it('changes no result, and leaves a module that cannot take it as it was', () => {
    const plain = PluginInstance.instantiate(compileBody(SPIN), OPTIONS);
    if (!plain.ok) throw new Error(plain.message);
    expect(plain.instance.call('flat')).toEqual(counted().call('flat'));
    expect(plain.instance.lastCallWork).toBe(0);
    const taken = wat(`(module (global (export "${WORK_EXPORT}") (mut i32) (i32.const 0)))`);
    expect(instrumentWorkCounter(taken)).toEqual({
      ok: false,
      reason: `the module already exports ${WORK_EXPORT}`,
    });
    expect(instrumentWorkCounter(new Uint8Array([1, 2, 3])).ok).toBe(false);
  });
});

describe('WorkMeter.callsFitting', () => {
  it('fits calls in a share of the budget, between the minimum and the series length', () => {
    const meter = new WorkMeter(1000);
    expect(meter.callsFitting(10, 1 / 2, 4, 30)).toBe(30);
    expect(meter.shortened).toBe(0);
    expect(meter.callsFitting(10, 1 / 2, 4, 100)).toBe(50);
    expect(meter.callsFitting(1000, 1 / 2, 4, 100)).toBe(4);
    expect(meter.shortened).toBe(2);
    expect(new WorkMeter().callsFitting(1e9, 1, 4, 100)).toBe(100);
  });
});
