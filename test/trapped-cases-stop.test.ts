// A rule whose first cases all trap runs no more of them (src/property/call-property.ts,
// TRAPPED_CASES_TO_STOP): ZC-CALL-002 fails the plugin on the trap, and the rest would only
// repeat it. A plugin that traps on some inputs only keeps its whole count.
import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { TRAPPED_CASES_TO_STOP } from '../src/property/call-property.js';
import { wat } from './helpers/wat.js';

/** A plugin whose `process` runs `body` (with the four ABI params) and returns 0 otherwise. */
const plugin = (body: string): Uint8Array =>
  wat(`(module
    (memory (export "memory") 2)
    (data (i32.const 16) "traps v1.0.0\\00")
    (func (export "plugin_info") (result i32) (i32.const 16))
    (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cap i32)
      (result i32)
      ${body}
      (i32.store (local.get $cap) (i32.const 0))
      (i32.const 0)))`);

const resultOf = async (bytes: Uint8Array, rule: string) => {
  const report = await runConformance(bytes, { only: ['ZC-CALL-002', rule], explore: false });
  const results = report.plugins[0]!.results;
  return {
    trap: results.find((entry) => entry.rule === 'ZC-CALL-002')!,
    rule: results.find((entry) => entry.rule === rule)!,
  };
};

describe('a rule whose first cases all trap', () => {
  it(`stops after ${TRAPPED_CASES_TO_STOP} of them and says so, and ZC-CALL-002 fails`, async () => {
    const { trap, rule } = await resultOf(plugin('(unreachable)'), 'ZC-CALL-005');
    expect(trap.status).toBe('fail');
    expect(rule.message).toContain(`\`process\`: ${TRAPPED_CASES_TO_STOP} cases (`);
    expect(rule.message).toMatch(/\d+ cases not run: the first 20 cases all trapped/);
  });

  it('a plugin that traps on odd lengths only keeps every case', async () => {
    const { trap, rule } = await resultOf(
      plugin('(if (i32.and (local.get $len) (i32.const 1)) (then (unreachable)))'),
      'ZC-CALL-005',
    );
    expect(trap.status).toBe('fail');
    expect(rule.status).toBe('pass');
    expect(rule.message).not.toContain('not run');
  });

  it('a rule that finds its own violation among trapping cases still fails with it', async () => {
    // Traps on empty input, and otherwise claims one byte more than the capacity: the cases
    // that do not trap show ZC-CALL-005's bug before any stop.
    const bytes = wat(`(module
      (memory (export "memory") 2)
      (data (i32.const 16) "traps v1.0.0\\00")
      (func (export "plugin_info") (result i32) (i32.const 16))
      (func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cap i32)
        (result i32)
        (if (i32.eqz (local.get $len)) (then (unreachable)))
        (i32.store (local.get $cap) (i32.add (i32.load (local.get $cap)) (i32.const 1)))
        (i32.const 0)))`);
    const { rule } = await resultOf(bytes, 'ZC-CALL-005');
    expect(rule.status).toBe('fail');
  });
});
