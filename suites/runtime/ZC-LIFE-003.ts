import { blocked, defineCheck, fail, pass } from '../../src/check/define-check.js';
import { describeSetupFailure } from '../../src/host/lifecycle.js';
import { describeOutcome, refusedCall } from '../_internals/describe.js';

// Two unloads: the canned run's, after its calls to `process`, and one of an instance that made
// no call at all (init, then cleanup): state built lazily by the first call, and freed in
// cleanup as if it always existed, traps only there.
export default defineCheck('ZC-LIFE-003', (ctx) => {
  const exercise = ctx.cannedExercise();
  if (exercise.setupFailure) return blocked(exercise.setupFailure);
  if (!exercise.cleanup.called) {
    return blocked('every instance trapped before `cleanup` could be called');
  }
  const outcome = exercise.cleanup.outcome;
  const refused = refusedCall('cleanup()', outcome);
  if (refused) return refused;
  if (outcome.kind !== 'returned') {
    const found = describeOutcome('cleanup()', outcome);
    return fail(found, [
      {
        expected: `\`cleanup()\` returns without trapping after ${exercise.processCalls} calls to \`process\``,
        found,
        where: 'cleanup()',
        replay: ctx.replayCommand(),
        output: exercise.output,
      },
    ]);
  }
  const idle = ctx.startPlugin();
  if (!idle.ok) return blocked(describeSetupFailure(idle));
  const mark = idle.instance.capture.mark();
  const unload = idle.instance.call('cleanup');
  const unloadRefused = refusedCall('cleanup()', unload);
  if (unloadRefused) return unloadRefused;
  if (unload.kind !== 'returned') {
    const after = ctx.exportState('init') === 'ok' ? '`init()`' : 'instantiation';
    const found = `on an instance that made no call, right after ${after}: ${describeOutcome('cleanup()', unload)}`;
    return fail(found, [
      {
        expected:
          '`cleanup()` returns without trapping on an instance that made no call (loaded, then unloaded)',
        found,
        where: 'cleanup()',
        replay: ctx.replayCommand(),
        output: idle.instance.capture.since(mark),
      },
    ]);
  }
  return pass(
    `\`cleanup()\` returned after ${exercise.processCalls} calls to \`process\`, and on an instance that made none`,
  );
});
