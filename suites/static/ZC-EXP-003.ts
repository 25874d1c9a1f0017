import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import type { Failure } from '../../src/spec-model/report-types.generated.js';

export default defineCheck('ZC-EXP-003', (ctx) => {
  const failures: Failure[] = [];
  for (const spec of ctx.spec.exports) {
    if (!spec.requiresExports || ctx.exportState(spec.name) === 'missing') continue;
    for (const companion of spec.requiresExports) {
      if (ctx.exportState(companion) !== 'missing') continue;
      failures.push({
        expected: `\`${companion}\` exported alongside \`${spec.name}\``,
        found: `\`${spec.name}\` is exported without \`${companion}\``,
        where: `export ${spec.name}`,
      });
    }
  }
  return failures.length === 0
    ? pass('paired exports are complete (or absent)')
    : fail(failures.map((f) => f.found).join('; '), failures);
});
