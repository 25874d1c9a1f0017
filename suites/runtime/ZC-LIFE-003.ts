import { blocked, defineCheck, fail, pass } from '../../src/check/define-check.js';
import { describeOutcome } from '../_internals/describe.js';

export default defineCheck('ZC-LIFE-003', (ctx) => {
  const exercise = ctx.cannedExercise();
  if (exercise.setupFailure) return blocked(exercise.setupFailure);
  if (!exercise.cleanup.called) {
    return blocked('every instance trapped before `cleanup` could be called');
  }
  const outcome = exercise.cleanup.outcome;
  if (outcome.kind === 'returned') {
    return pass(`\`cleanup()\` returned after ${exercise.processCalls} calls to \`process\``);
  }
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
});
