// Rules are data in the spec and code in suites/<kind>/<RULE-ID>.ts. This keeps the two in
// step: a rule without a check would silently never run, and a check without a rule would
// never be selected.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/check/define-check.js';
import { SUITES_DIR, listCheckFiles, loadChecks } from '../../src/runner/registry.js';
import type { ZenithAbiSpec } from '../../src/spec-model/abi-types.generated.js';

const SPEC_DIR = join(import.meta.dirname, '..', '..', 'spec');
const spec = JSON.parse(
  readFileSync(join(SPEC_DIR, 'zenith-abi.v1.json'), 'utf8'),
) as ZenithAbiSpec;
// The kinds come from the schema, so a new kind needs its own suites/ folder to pass.
const KINDS = (
  JSON.parse(readFileSync(join(SPEC_DIR, 'abi.schema.json'), 'utf8')) as {
    definitions: { Rule: { properties: { kind: { enum: string[] } } } };
  }
).definitions.Rule.properties.kind.enum;

const ruleIds = spec.rules.map((rule) => rule.id);
const checkFiles = listCheckFiles();

/** Folders under suites/ that hold checks; `_internals` and the like hold shared helpers. */
const groups = readdirSync(SUITES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
  .map((entry) => entry.name);

describe('rule checks', () => {
  it('every spec rule has exactly one check file', () => {
    const problems = ruleIds.flatMap((id) => {
      const files = checkFiles.filter((file) => file.id === id);
      if (files.length === 1) return [];
      if (files.length === 0) return [`${id}: no suites/<kind>/${id}.ts`];
      return [`${id}: ${files.length} check files (${files.map((f) => f.group).join(', ')})`];
    });
    expect(problems).toEqual([]);
  });

  it('every check file is named after a spec rule', () => {
    const known = new Set(ruleIds);
    const orphans = checkFiles
      .filter((file) => !known.has(file.id))
      .map((file) => `suites/${file.group}/${file.id}`);
    expect(orphans).toEqual([]);
  });

  it('every file in a check folder is a check file named <RULE-ID>.ts', () => {
    // listCheckFiles skips names that do not look like an id, so a typo such as
    // ZC-MEM-01.ts would otherwise make a rule's check vanish without a trace.
    const stray = groups.flatMap((group) =>
      readdirSync(join(SUITES_DIR, group))
        .filter((name) => !/^ZC-[A-Z]{2,5}-\d{3}\.ts$/.test(name))
        .map((name) => `suites/${group}/${name}`),
    );
    expect(stray, 'helpers belong in suites/_internals/').toEqual([]);
  });

  it('check folders are named after rule kinds', () => {
    expect(groups.filter((group) => !KINDS.includes(group))).toEqual([]);
  });

  it('every rule kind with rules has its folder', () => {
    // suites/property may be absent while no property rules exist yet.
    const missing = KINDS.filter(
      (kind) =>
        spec.rules.some((rule) => rule.kind === kind) && !existsSync(join(SUITES_DIR, kind)),
    ).map((kind) => `suites/${kind}/`);
    expect(missing).toEqual([]);
  });

  it('each check file lives in the folder of its rule kind', () => {
    const kindOf = new Map(spec.rules.map((rule) => [rule.id, rule.kind]));
    const misplaced = checkFiles
      .filter((file) => kindOf.has(file.id) && kindOf.get(file.id) !== file.group)
      .map((file) => `${file.id} is ${kindOf.get(file.id)} but lives in suites/${file.group}/`);
    expect(misplaced).toEqual([]);
  });

  it.each(checkFiles.map((file) => [`suites/${file.group}/${file.id}.ts`, file] as const))(
    '%s default-exports a check with its own id',
    async (_name, file) => {
      const loaded = (await import(pathToFileURL(file.path).href)) as { default?: Partial<Check> };
      expect(loaded.default, 'default-export defineCheck(...)').toBeDefined();
      expect(loaded.default?.id).toBe(file.id);
      expect(typeof loaded.default?.run).toBe('function');
    },
  );

  it('the registry loads one check per spec rule', async () => {
    const checks = await loadChecks();
    expect([...checks.keys()].sort()).toEqual([...ruleIds].sort());
  });
});
