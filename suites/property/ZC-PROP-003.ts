import { defineCheck } from '../../src/check/define-check.js';
import { checkCallProperty } from '../../src/property/call-property.js';
import { outputFormatProperty } from '../_internals/declared.js';
import { jsonProblem } from '../_internals/text-checks.js';

export default defineCheck('ZC-PROP-003', (ctx) =>
  checkCallProperty(
    ctx,
    outputFormatProperty('one JSON text as output (declared `output: json`)', jsonProblem),
  ),
);
