import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { singleCallProperty } from '../_internals/single-call.js';

// A call that takes memory past --max-memory is stopped by the host (after the call, or while
// it runs when the process's memory climbs), and the supervisor fails this rule with that call
// and its replay path, whichever rule was running. Calls that come back are fine here.
export default defineCheck('ZC-CALL-003', (ctx) =>
  checkCallProperty(ctx, singleCallProperty({ layouts: ['apart'], judge: () => OK })),
);
