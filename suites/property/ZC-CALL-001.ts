import { defineCheck } from '../../src/check/define-check.js';
import { OK, checkCallProperty } from '../../src/property/call-property.js';
import { singleCallProperty } from '../_internals/single-call.js';

// A call that never returns is stopped by the supervisor, which fails this rule with the call
// and the case's replay path; any call that comes back, whatever it returned, is fine here.
export default defineCheck('ZC-CALL-001', (ctx) =>
  checkCallProperty(
    ctx,
    singleCallProperty({ layouts: ['apart', 'adjacent', 'output-at-end'], judge: () => OK }),
  ),
);
