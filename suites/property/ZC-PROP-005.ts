import { defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty } from '../../src/property/call-property.js';
import { acceptsProperty, validUtf8Arbitrary } from '../_internals/accepts.js';

export default defineCheck('ZC-PROP-005', (ctx) =>
  checkCallProperty(
    ctx,
    acceptsProperty('0 for valid UTF-8 input (declared `accepts: utf8`)', validUtf8Arbitrary),
  ),
);
