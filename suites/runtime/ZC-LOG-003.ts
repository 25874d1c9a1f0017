import { blocked, defineCheck, fail, notApplicable, pass } from '../../src/check/define-check.js';
import { failOnStoppedCalls } from '../../src/check/stopped-call.js';
import { limitOption } from '../../src/spec-model/limits.js';
import { importsFunction } from '../_internals/imports.js';

// The host counts every byte of host_log, stdout and stderr per call and stops the call that
// would pass the limit, before reading its bytes: a flood ends at once, whatever its size. The
// canned run shows it; the spec says this rule `catches` floods, so a stop in a fuzzed case of
// any other rule settles it too.
export default defineCheck('ZC-LOG-003', {
  run: (ctx) => {
    const logs = importsFunction(ctx, 'env', 'host_log');
    const writes = importsFunction(ctx, 'wasi_snapshot_preview1', 'fd_write');
    if (!logs && !writes) return notApplicable('imports neither env.host_log nor fd_write');
    const exercise = ctx.cannedExercise();
    if (exercise.setupFailure) return blocked(exercise.setupFailure);
    const limit = ctx.limits.maxLogBytesPerCall;
    const option = limitOption(ctx.spec, 'maxLogBytesPerCall');
    const stopped = exercise.calls.find(
      ({ outcome }) => outcome.kind === 'stopped' && outcome.reason === 'log-flood',
    );
    const worst = exercise.bytesPerCall.reduce(
      (max, entry) => (entry.bytes > max.bytes ? entry : max),
      { call: '(none)', bytes: 0 },
    );
    if (!stopped && worst.bytes <= limit) {
      return pass(`at most ${worst.bytes} bytes of log and stdio per call (limit ${limit})`);
    }
    const found =
      stopped?.outcome.kind === 'stopped'
        ? `${stopped.outcome.detail}; the host stopped the call`
        : `${worst.call} wrote ${worst.bytes} bytes of log and stdio`;
    return fail(found, [
      {
        expected: `at most ${limit} bytes per call (${option})`,
        found,
        where: stopped?.label ?? worst.call,
        replay: ctx.replayCommand(),
        output: exercise.output,
      },
    ]);
  },
  settle: failOnStoppedCalls((stop, { spec, limits }) => ({
    message: `\`${stop.exportName}\` wrote more than ${limits.maxLogBytesPerCall} bytes of log and stdio in one call; the call was stopped`,
    expected: `at most ${limits.maxLogBytesPerCall} bytes per call (${limitOption(spec, 'maxLogBytesPerCall')})`,
    found: `${stop.detail}, in ${stop.call}`,
  })),
});
