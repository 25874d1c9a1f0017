import fc from 'fast-check';
import { defineCheck } from '../../src/check/define-check.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import type { CallCase } from '../../src/abi/call-case.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
import { expandBytes } from '../../src/generators/seeded-bytes.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { runCallCase } from '../../src/abi/call-case.js';
import { WASM_PAGE_BYTES as PAGE } from '../../src/wasm/page.js';

const WARM_UP_CALLS = 16;
const MEASURED_CALLS = 200;

/**
 * Leaks show as growth that continues after warm-up. Inputs are a few KiB so that a leak of
 * one input-sized buffer per call adds pages within the measured calls.
 */
export default defineCheck('ZC-CALL-011', (ctx) =>
  checkCallProperty<CallCase>(ctx, {
    runs: (configured) => Math.max(3, Math.ceil(configured / 20)),
    arbitrary: (shape, env) => {
      const cases = callCaseArbitrary(shape, env, ['apart']).map((c) => ({
        ...c,
        placement: DEFAULT_PLACEMENT,
        capacity: { kind: 'ample' as const },
      }));
      if (shape.params) return cases;
      const size = Math.min(env.maxInputBytes, 16 * 1024);
      return fc
        .tuple(cases, fc.integer({ min: 1024, max: Math.max(1024, size) }), fc.nat(), fc.boolean())
        .map(([c, length, seed, text]) => ({
          ...c,
          input: expandBytes(Math.min(length, env.maxInputBytes), seed, text),
        }));
    },
    check: (session, shape, testCase, env): CaseVerdict => {
      const plugin = session.fresh();
      const call = (): boolean => {
        const run = runCallCase(plugin, shape, testCase, env.maxInputBytes);
        return run.main.outcome.kind === 'returned';
      };
      for (let i = 0; i < WARM_UP_CALLS; i++)
        if (!call()) return { kind: 'inconclusive', why: 'trapped' };
      const before = plugin.memoryBytes;
      for (let i = 0; i < MEASURED_CALLS; i++)
        if (!call()) return { kind: 'inconclusive', why: 'trapped' };
      const grown = plugin.memoryBytes - before;
      if (grown <= PAGE) return OK;
      return {
        kind: 'violation',
        expected: `memory stops growing after ${WARM_UP_CALLS} warm-up calls (at most 1 page more)`,
        found: `${MEASURED_CALLS} more identical calls grew memory by ${grown / PAGE} pages (${Math.round(grown / MEASURED_CALLS)} bytes per call)`,
      };
    },
    describe: (_shape, testCase) => describeCase(testCase, undefined),
  }),
);
