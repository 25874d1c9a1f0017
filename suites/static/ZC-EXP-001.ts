import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import type { Failure } from '../../src/spec-model/report-types.generated.js';

export default defineCheck('ZC-EXP-001', (ctx) => {
  const required = ctx.spec.exports.filter((entry) => entry.required && entry.kind === 'function');
  const failures: Failure[] = required
    .filter((entry) => ctx.exportState(entry.name) === 'missing')
    .map((entry) => ({
      expected: `an exported function \`${entry.name}\` (${entry.description})`,
      found: `no export named \`${entry.name}\` (is it #[no_mangle] pub extern "C"?)`,
      where: `export ${entry.name}`,
    }));
  const names = required.map((entry) => `\`${entry.name}\``).join(', ');
  return failures.length === 0
    ? pass(`exports ${names}`)
    : fail(
        `missing required ${failures.map((f) => f.where?.replace('export ', '`') + '`').join(', ')}`,
        failures,
      );
});
