import fc from 'fast-check';
import { defineCheck } from '../../src/check/define-check.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import type { CallCase } from '../../src/abi/call-case.js';
import { callCaseArbitrary } from '../../src/property/arbitraries/call-case.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { describeCase } from '../../src/abi/describe-call.js';
import { runCallCase } from '../../src/abi/call-case.js';
import { DEFAULT_CLOCK_START_NS } from '../../src/host/wasi-preview1.js';

const DAY_NS = 86_400_000_000_000n;

/** What a call produced, as one comparable string. */
function result(
  plugin: PluginInstance,
  shape: CallShape,
  testCase: CallCase,
  maxInputBytes: number,
): string | undefined {
  const run = runCallCase(plugin, shape, testCase, maxInputBytes);
  if (run.main.outcome.kind !== 'returned') return undefined;
  const count = run.main.cellAfter;
  // Only a successful call's output is defined; after an error the buffer holds leftovers.
  const bytes =
    run.main.outcome.value !== 0
      ? new Uint8Array(0)
      : shape.sizing === 'capacity-cell'
        ? run.main.output.subarray(0, (count ?? 0) * shape.elementBytes)
        : run.main.output;
  return `returned ${run.main.outcome.value}, *output_len ${count ?? '-'}, output ${Buffer.from(bytes.subarray(0, 32)).toString('hex')}${bytes.length > 32 ? '…' : ''} (${bytes.length} bytes, sha ${hash(bytes)})`;
}

function hash(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (const byte of bytes) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(16);
}

/**
 * A, B, A on one instance, then A on a fresh instance whose clock and randomness differ: a
 * plugin keeping state between calls, or reading the clock or random_get, gives itself away.
 */
export default defineCheck('ZC-CALL-012', (ctx) =>
  checkCallProperty<[CallCase, CallCase]>(ctx, {
    runs: (configured) => Math.max(10, Math.ceil(configured / 4)),
    arbitrary: (shape, env) => {
      const one = callCaseArbitrary(shape, env, ['apart']).map((c) => ({
        ...c,
        placement: DEFAULT_PLACEMENT,
        capacity: { kind: 'ample' as const },
      }));
      return fc.tuple(one, one);
    },
    check: (session, shape, [a, b], env): CaseVerdict => {
      const first = session.fresh();
      const firstA = result(first, shape, a, env.maxInputBytes);
      const middleB = result(first, shape, b, env.maxInputBytes);
      const againA = result(first, shape, a, env.maxInputBytes);
      const other = session.fresh({
        randomSeed: ctx.seed ^ 0x5a5a5a5a,
        clockStartNs: DEFAULT_CLOCK_START_NS + DAY_NS,
      });
      const otherA = result(other, shape, a, env.maxInputBytes);
      if (!firstA || !middleB || !againA || !otherA)
        return { kind: 'inconclusive', why: 'trapped' };
      if (firstA !== againA) {
        return {
          kind: 'violation',
          expected: `calling A again after B gives the first result: ${firstA}`,
          found: `A, B, A on one instance: the second A ${againA}`,
        };
      }
      if (firstA !== otherA) {
        return {
          kind: 'violation',
          expected: `a fresh instance gives the same result for A: ${firstA}`,
          found: `on an instance with another clock and random seed, A ${otherA}`,
        };
      }
      return OK;
    },
    describe: (_shape, [a, b]) =>
      `A = ${describeCase(a, undefined)}; B = ${describeCase(b, undefined)}`,
  }),
);
