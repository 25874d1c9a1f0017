import { defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty } from '../../src/property/call-property.js';
import { outputFormatProperty } from '../_internals/declared.js';
import { utf8Problem } from '../_internals/text-checks.js';

export default defineCheck('ZC-PROP-001', (ctx) =>
  checkCallProperty(
    ctx,
    outputFormatProperty('valid UTF-8 output (declared `output: utf8`)', utf8Problem),
  ),
);
