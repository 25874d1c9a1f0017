import { defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty } from '../../src/property/call-property.js';
import { outputFormatProperty } from '../_internals/declared.js';
import { asciiProblem } from '../_internals/text-checks.js';

export default defineCheck('ZC-PROP-002', (ctx) =>
  checkCallProperty(
    ctx,
    outputFormatProperty('ASCII output (declared `output: ascii`)', asciiProblem),
  ),
);
