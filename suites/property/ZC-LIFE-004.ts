import fc from 'fast-check';
import { defineCheck } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import type { PluginInstance } from '../../src/host/plugin-instance.js';
import { OK, checkCallProperty, type CaseVerdict } from '../../src/property/call-property.js';
import { inputBytesArbitrary } from '../../src/generators/input-bytes.js';
import type { CallShape } from '../../src/abi/call-shape.js';
import { describeBytes } from '../../src/util/bytes-text.js';
import { callWithCapacity } from '../../src/abi/call-case.js';
import { ampleCapacity } from '../../src/abi/capacity.js';
import { DEFAULT_PLACEMENT } from '../../src/abi/buffer-layout.js';
import { describeOutcome } from '../_internals/describe.js';

/** A step the host refused to run: the case cannot say anything. */
class RefusedStep extends Error {}

class LifecycleViolation extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(found);
  }
}

/**
 * One step of a lifecycle, as plain data: fast-check's fc.commands shrinks by which commands
 * ran, which a replay by --path cannot reproduce; an array of steps replays exactly.
 */
type Step = { kind: 'process'; input: Uint8Array } | { kind: 'reload' };

interface Real {
  plugin: PluginInstance;
  start: () => PluginInstance;
  shape: CallShape;
}

function runStep(step: Step, real: Real): void {
  if (step.kind === 'process') {
    const capacity = ampleCapacity(real.shape, step.input.length);
    callWithCapacity(real.plugin, real.shape, step.input, capacity, DEFAULT_PLACEMENT);
    // A trap here is ZC-CALL-002's failure; the host drops the instance and loads a new one.
    if (real.plugin.poisoned) real.plugin = real.start();
    return;
  }
  if (real.plugin.hasFunction('cleanup')) {
    const outcome = real.plugin.call('cleanup');
    // Refused: `cleanup` was stopped earlier in the run (ZC-LIFE-003 owns that), not this case.
    if (outcome.kind === 'blocked') throw new RefusedStep(describeOutcome('cleanup()', outcome));
    if (outcome.kind !== 'returned') {
      throw new LifecycleViolation('cleanup() returns', describeOutcome('cleanup()', outcome));
    }
  }
  real.plugin = real.start();
}

const describeStep = (step: Step): string =>
  step.kind === 'process' ? `process(${describeBytes(step.input)})` : 'cleanup + reload';

/** Random lifecycles (calls, cleanups, reloads): every step must simply succeed. */
export default defineCheck('ZC-LIFE-004', (ctx) =>
  checkCallProperty<Step[]>(ctx, {
    appliesTo: (shape) => shape.exportName === 'process',
    runs: (configured) => Math.max(10, Math.ceil(configured / 5)),
    arbitrary: (_shape, env) =>
      fc.array(
        fc.oneof(
          inputBytesArbitrary(Math.min(env.maxInputBytes, 4096), env.whitespace, {
            dictionary: env.dictionary,
            ...(env.corpus ? { corpus: env.corpus } : {}),
            ...(env.explored ? { explored: env.explored } : {}),
          }).map((input): Step => ({ kind: 'process', input })),
          fc.constant<Step>({ kind: 'reload' }),
        ),
        { maxLength: 12 },
      ),
    check: (_session, shape, steps): CaseVerdict => {
      const start = (): PluginInstance => {
        const setup = ctx.startPlugin();
        if (!setup.ok)
          throw new LifecycleViolation(
            'the plugin loads again after cleanup',
            describeSetupFailure(setup),
          );
        if (setup.initCode !== undefined && setup.initCode !== 0) {
          throw new LifecycleViolation(
            'init() returns 0 on every load',
            `init() returned ${setup.initCode}`,
          );
        }
        return setup.instance;
      };
      let real: Real;
      try {
        real = { plugin: start(), start, shape };
      } catch {
        return {
          kind: 'inconclusive',
          why: 'the first load failed (see ZC-LIFE-001, ZC-LIFE-002)',
        };
      }
      try {
        for (const step of steps) runStep(step, real);
        return OK;
      } catch (error) {
        if (error instanceof LifecycleViolation) {
          return { kind: 'violation', expected: error.expected, found: error.found };
        }
        if (error instanceof RefusedStep) return { kind: 'inconclusive', why: error.message };
        throw error;
      }
    },
    describe: (_shape, steps) => steps.map(describeStep).join(', '),
  }),
);
