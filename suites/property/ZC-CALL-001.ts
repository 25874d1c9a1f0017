import { defineCheck } from '../../src/check/define-check.js';
import { failOnStoppedCalls } from '../../src/check/stopped-call.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { limitOption } from '../../src/spec-model/limits.js';
import { ALL_LAYOUTS, singleCallProperty } from '../_internals/single-call.js';

// A call that never returns is stopped by the supervisor once it has used its deadline in CPU
// time (so a loaded machine cannot make a slow call look hung); the spec says this rule
// `catches` hangs, so every stopped call of the run, whichever rule's case it was, settles it
// as a failure with the call and the case's replay path. A call that comes back is fine here.
export default defineCheck('ZC-CALL-001', {
  run: (ctx) =>
    checkCallProperty(ctx, singleCallProperty({ layouts: ALL_LAYOUTS, judge: () => OK })),
  settle: failOnStoppedCalls((stop, { spec, limits }) => ({
    message: `\`${stop.exportName}\` did not return within its deadline; the call was stopped`,
    expected: `every call returns within ${limits.callTimeoutMs} ms of CPU time (${limitOption(spec, 'callTimeoutMs')}), plus ${limits.callTimeoutMsPerMiB} ms per MiB of input (${limitOption(spec, 'callTimeoutMsPerMiB')})`,
    found: `${stop.call} was still running after ${stop.elapsedMs} ms of CPU time (${stop.detail})`,
  })),
});
