import { defineCheck, fail, pass } from '../../src/check/define-check.js';

export default defineCheck('ZC-MEM-001', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const { exports, imports } = ctx.compiled.info;
  const exported = exports.find((entry) => entry.name === 'memory');
  const expected = 'a memory defined by the module and exported as `memory`';
  if (exported?.kind === 'memory' && !exported.importedMemory) {
    const limits = exported.memory;
    return pass(
      `exports \`memory\`: ${limits?.initialPages ?? '?'} pages initial, ${limits?.maximumPages === undefined ? 'no maximum' : `maximum ${limits.maximumPages}`}`,
    );
  }
  let found: string;
  if (exported?.kind === 'memory') {
    const imported = imports.find((entry) => entry.kind === 'memory');
    found = `\`memory\` is imported (${imported ? `${imported.module}.${imported.name}` : 'from the host'}), not defined by the module`;
  } else if (exported) {
    found = `the export \`memory\` is a ${exported.kind}`;
  } else {
    const other = exports.find((entry) => entry.kind === 'memory');
    found = other
      ? `a memory is exported as \`${other.name}\`, not \`memory\``
      : 'no memory is exported';
  }
  return fail(found, [{ expected, found, where: 'export memory' }]);
});
