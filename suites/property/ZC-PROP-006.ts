import { defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty } from '../../src/property/call-property.js';
import { acceptsProperty } from '../_internals/accepts.js';

export default defineCheck('ZC-PROP-006', (ctx) =>
  checkCallProperty(ctx, acceptsProperty('0 for every input (declared `accepts: any`)')),
);
