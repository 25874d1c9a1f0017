import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { importsFunction } from '../_internals/imports.js';

export default defineCheck('ZC-LOG-002', (ctx) => {
  if (!importsFunction(ctx, 'env', 'host_log'))
    return notApplicable('does not import env.host_log');
  const exercise = ctx.cannedExercise();
  if (exercise.setupFailure) return blocked(exercise.setupFailure);
  const bad = exercise.violations.filter((violation) => violation.kind === 'invalid-utf8');
  if (bad.length === 0) {
    return pass(`${exercise.output.log.length} host_log messages in a canned run, all UTF-8`);
  }
  return fail(
    `host_log passed bytes that are not UTF-8 during ${bad[0]!.call}`,
    bad.map((violation) => ({
      expected: 'host_log messages of valid UTF-8',
      found: violation.detail,
      where: violation.call,
      replay: ctx.replayCommand(),
    })),
  );
});
