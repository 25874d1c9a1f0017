import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import type { Failure } from '../../src/spec-model/report-types.generated.js';
import { IMPORT_HINTS } from '../../src/host/traps.js';

export default defineCheck('ZC-IMP-001', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const { imports } = ctx.compiled.info;
  const failures: Failure[] = [];
  for (const entry of imports) {
    const offered = ctx.spec.offeredImport(entry.module, entry.name);
    if (offered && entry.kind === 'function') continue;
    const name = `${entry.module}.${entry.name}`;
    const hint = IMPORT_HINTS[name];
    failures.push({
      expected: 'only env.host_log and the WASI calls listed in spec/ABI.md (Host imports)',
      found: `imports ${name} (a ${entry.kind})${offered ? ', which the host offers as a function' : ''}${hint ? `: ${hint}` : ''}`,
      where: `import ${name}`,
    });
  }
  if (failures.length === 0) {
    return pass(
      imports.length === 0 ? 'no imports' : `${imports.length} imports, all offered by the host`,
    );
  }
  const names = failures.map((f) => f.where?.replace('import ', '')).join(', ');
  return fail(`imports what the host does not offer: ${names}`, failures);
});
