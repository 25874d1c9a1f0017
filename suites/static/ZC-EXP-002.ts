import { defineCheck, fail, pass } from '../../src/check/define-check.js';
import type { Failure } from '../../src/spec-model/report-types.generated.js';
import { formatSignature } from '../../src/spec-model/spec-index.js';
import { describeSignature } from '../_internals/describe.js';

export default defineCheck('ZC-EXP-002', (ctx) => {
  if (!ctx.compiled.ok) throw new Error('gated on ZC-MOD-001');
  const failures: Failure[] = [];
  let checked = 0;
  for (const spec of ctx.spec.exports) {
    const state = ctx.exportState(spec.name);
    if (state === 'missing') continue;
    checked++;
    if (state === 'ok') continue;
    const found = ctx.compiled.info.exports.find((entry) => entry.name === spec.name)!;
    const expected =
      spec.kind === 'memory'
        ? 'a memory'
        : `function ${formatSignature(ctx.spec.wasmSignature(spec))}`;
    failures.push({
      expected: `\`${spec.name}\`: ${expected}`,
      found: found.kind === 'function' ? describeSignature(found.signature) : `a ${found.kind}`,
      where: `export ${spec.name}`,
    });
  }
  return failures.length === 0
    ? pass(`${checked} spec exports present, each with the spec's signature`)
    : fail(
        `wrong signature: ${failures.map((f) => f.where?.replace('export ', '')).join(', ')}`,
        failures,
      );
});
