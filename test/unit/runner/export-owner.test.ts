// A hang in an export that no rule `catches` hangs on is filed under the rule that owns the
// export, whichever rule happened to call it first: the owners must be the rules an author
// would look under, and must come from the spec (a rule renamed or re-scoped moves them).
import { describe, expect, it } from 'vitest';
import { exportOwner } from '../../../src/runner/run-checks.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import { SpecIndex } from '../../../src/spec-model/spec-index.js';

const spec = new SpecIndex(loadSpec());

describe('exportOwner', () => {
  it.each([
    ['alloc', 'ZC-ALLOC-001'],
    ['dealloc', 'ZC-ALLOC-001'],
    ['init', 'ZC-LIFE-002'],
    ['cleanup', 'ZC-LIFE-003'],
    ['plugin_info', 'ZC-INFO-001'],
    ['plugin_version', 'ZC-INFO-003'],
    ['process', 'ZC-CALL-001'],
  ])('owns %s with %s', (exportName, rule) => {
    expect(exportOwner(spec, exportName)).toBe(rule);
  });

  it('is a must rule that runs code, never a static or should rule', () => {
    for (const name of spec.exportsByName.keys()) {
      const owner = exportOwner(spec, name);
      if (owner === undefined) continue;
      expect(spec.rule(owner).level).toBe('must');
      expect(spec.rule(owner).kind).not.toBe('static');
    }
  });
});
