import { defineCheck } from '../../src/check/define-check.js';
import { failOnStoppedCalls } from '../../src/check/stopped-call.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { limitOption } from '../../src/spec-model/limits.js';
import { singleCallProperty } from '../_internals/single-call.js';

// A call that takes memory past --max-memory is stopped by the host (after the call, or while
// it runs when the process's memory climbs); the spec says this rule `catches` memory bombs,
// so every such stop of the run settles it as a failure with the call and its replay path.
// Calls that come back within the limit are fine here.
export default defineCheck('ZC-CALL-003', {
  run: (ctx) => checkCallProperty(ctx, singleCallProperty({ layouts: ['apart'], judge: () => OK })),
  settle: failOnStoppedCalls((stop, { spec, limits }) => ({
    message: `\`${stop.exportName}\` took memory past the limit; the call was stopped`,
    expected: `memory stays at most ${limits.maxMemoryBytes} bytes (${limitOption(spec, 'maxMemoryBytes')})`,
    found: `${stop.detail}, in ${stop.call}`,
  })),
});
