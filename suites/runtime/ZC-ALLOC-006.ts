import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import type { Failure } from '../../src/spec-model/report-types.generated.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { describeOutcome, hex, refusedCall } from '../_internals/describe.js';

/** Sizes no 32-bit memory can hold beside the module's own data. */
const IMPOSSIBLE = [0xffffffff, 0xfffffff8];

// Each size on a fresh instance: a trap in alloc poisons the instance it happened in.
export default defineCheck('ZC-ALLOC-006', (ctx) => {
  // Without dealloc the host never takes buffers from alloc (ZC-EXP-003), so never asks.
  if (ctx.exportState('alloc') !== 'ok' || ctx.exportState('dealloc') !== 'ok') {
    return notApplicable('`alloc` and `dealloc` are not exported');
  }
  const failures: Failure[] = [];
  for (const size of IMPOSSIBLE) {
    const setup = ctx.startPlugin();
    if (!setup.ok) return blocked(describeSetupFailure(setup));
    const outcome = setup.instance.callAsHost('alloc', [size]);
    const refused = refusedCall(`alloc(${hex(size)})`, outcome);
    if (refused) return refused;
    if (outcome.kind === 'returned' && (outcome.value ?? 0) === 0) continue;
    failures.push({
      expected: `alloc(${hex(size)}) returns 0: no 32-bit memory can hold ${size} bytes beside the module`,
      found:
        outcome.kind === 'returned'
          ? `alloc(${hex(size)}) returned ${hex(outcome.value ?? 0)}, a block that cannot exist`
          : describeOutcome(`alloc(${hex(size)})`, outcome),
      where: `alloc(${hex(size)})`,
      replay: ctx.replayCommand(),
    });
  }
  if (failures.length === 0)
    return pass(`alloc of ${IMPOSSIBLE.map(hex).join(' and ')} returned 0`);
  return fail(failures.map((failure) => failure.found).join('; '), failures);
});
