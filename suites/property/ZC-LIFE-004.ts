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

class LifecycleViolation extends Error {
  constructor(
    readonly expected: string,
    readonly found: string,
  ) {
    super(found);
  }
}

/** Nothing to predict: each step must simply succeed. Same results are ZC-CALL-012's concern. */
type Model = Record<string, never>;

interface Real {
  plugin: PluginInstance;
  start: () => PluginInstance;
  shape: CallShape;
}

class ProcessCommand implements fc.Command<Model, Real> {
  constructor(readonly input: Uint8Array) {}
  check = (): boolean => true;
  run(_model: Model, real: Real): void {
    const capacity = ampleCapacity(real.shape, this.input.length);
    callWithCapacity(real.plugin, real.shape, this.input, capacity, DEFAULT_PLACEMENT);
    // A trap here is ZC-CALL-002's failure; the host drops the instance and loads a new one.
    if (real.plugin.poisoned) real.plugin = real.start();
  }
  toString = (): string => `process(${describeBytes(this.input)})`;
}

class ReloadCommand implements fc.Command<Model, Real> {
  check = (): boolean => true;
  run(_model: Model, real: Real): void {
    if (real.plugin.hasFunction('cleanup')) {
      const outcome = real.plugin.call('cleanup');
      if (outcome.kind !== 'returned') {
        throw new LifecycleViolation('cleanup() returns', describeOutcome('cleanup()', outcome));
      }
    }
    real.plugin = real.start();
  }
  toString = (): string => 'cleanup + reload';
}

/** Random lifecycles (calls, cleanups, reloads) as a fast-check model-based test. */
export default defineCheck('ZC-LIFE-004', (ctx) =>
  checkCallProperty<fc.Command<Model, Real>[]>(ctx, {
    appliesTo: (shape) => shape.exportName === 'process',
    runs: (configured) => Math.max(10, Math.ceil(configured / 5)),
    arbitrary: (_shape, env) =>
      fc
        .commands(
          [
            inputBytesArbitrary(Math.min(env.maxInputBytes, 4096), env.whitespace).map(
              (input) => new ProcessCommand(input),
            ),
            fc.constant(new ReloadCommand()),
          ],
          { maxCommands: 12 },
        )
        .map((commands) => [...commands]),
    check: (_session, shape, commands): CaseVerdict => {
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
        fc.modelRun(() => ({ model: {}, real }), commands);
        return OK;
      } catch (error) {
        if (error instanceof LifecycleViolation) {
          return { kind: 'violation', expected: error.expected, found: error.found };
        }
        throw error;
      }
    },
    describe: (_shape, commands) => commands.map(String).join(', '),
  }),
);
