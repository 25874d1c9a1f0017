import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import type { Failure } from '../../src/spec-model/report-types.generated.js';
import { formatSignature } from '../../src/spec-model/spec-index.js';
import { describeSignature } from '../_internals/describe.js';

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((type, i) => type === b[i]);

export default defineCheck('ZC-IMP-002', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const failures: Failure[] = [];
  let checked = 0;
  for (const entry of ctx.compiled.info.imports) {
    const offered = ctx.spec.offeredImport(entry.module, entry.name);
    if (!offered || entry.kind !== 'function') continue;
    checked++;
    const signature = entry.signature;
    if (
      signature &&
      same(signature.params, offered.params) &&
      same(signature.results, offered.results)
    ) {
      continue;
    }
    failures.push({
      expected: `${entry.module}.${entry.name}: function ${formatSignature(offered)}`,
      found: describeSignature(signature),
      where: `import ${entry.module}.${entry.name}`,
    });
  }
  if (failures.length === 0)
    return pass(`${checked} offered imports, each with the host's signature`);
  return fail(
    `wrong import signature: ${failures.map((f) => f.where?.replace('import ', '')).join(', ')}`,
    failures,
  );
});
