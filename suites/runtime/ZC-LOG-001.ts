import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { importsFunction } from '../_internals/imports.js';

export default defineCheck('ZC-LOG-001', (ctx) => {
  if (!importsFunction(ctx, 'env', 'host_log'))
    return notApplicable('does not import env.host_log');
  const exercise = ctx.cannedExercise();
  if (exercise.setupFailure) return blocked(exercise.setupFailure);
  const bad = exercise.violations.filter((violation) => violation.kind === 'out-of-bounds');
  if (bad.length === 0) {
    return pass(`${exercise.output.log.length} host_log calls in a canned run, all in bounds`);
  }
  return fail(
    `host_log called with a range outside memory during ${bad[0]!.call}`,
    bad.map((violation) => ({
      expected: 'host_log(ptr, len) with ptr + len inside memory',
      found: violation.detail,
      where: violation.call,
      replay: ctx.replayCommand(),
    })),
  );
});
