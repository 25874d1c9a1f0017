import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { importsFunction } from '../_internals/imports.js';

export default defineCheck('ZC-LOG-003', (ctx) => {
  const logs = importsFunction(ctx, 'env', 'host_log');
  const writes = importsFunction(ctx, 'wasi_snapshot_preview1', 'fd_write');
  if (!logs && !writes) return notApplicable('imports neither env.host_log nor fd_write');
  const exercise = ctx.cannedExercise();
  if (exercise.setupFailure) return blocked(exercise.setupFailure);
  const limit = ctx.limits.maxLogBytesPerCall;
  const worst = exercise.bytesPerCall.reduce(
    (max, entry) => (entry.bytes > max.bytes ? entry : max),
    { call: '(none)', bytes: 0 },
  );
  if (worst.bytes <= limit) {
    return pass(`at most ${worst.bytes} bytes of log and stdio per call (limit ${limit})`);
  }
  const found = `${worst.call} wrote ${worst.bytes} bytes of log and stdio`;
  return fail(found, [
    {
      expected: `at most ${limit} bytes per call (--max-log-bytes)`,
      found,
      where: worst.call,
      replay: ctx.replayCommand(),
      output: exercise.output,
    },
  ]);
});
