// The proof that the suite catches what it claims (typescript-eslint style: the broken corpus
// is the `invalid` table, the reference plugins the `valid` one). Each broken plugin must fail
// exactly the rules its manifest entry lists (the shard files beside this one): a rule failing
// that is not listed is suite imprecision, and fails as surely as a rule that misses its bug.
// This file holds what is about the corpus as a whole.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/index.js';
import { renderCatchTable } from '../../scripts/catch-table.js';
import { failedRules, manifest } from '../helpers/corpus.js';
import { SHARDS, checkFixture, explain, shardFixtures } from '../helpers/broken-corpus-shard.js';

const spec = loadSpec();

describe('the broken-plugin corpus', () => {
  it('has one shard file per shard, and every fixture is in one', () => {
    const files = readdirSync(import.meta.dirname).filter((name) =>
      /^fixtures-\d+\.test\.ts$/.test(name),
    );
    expect(files.sort()).toEqual(
      Array.from({ length: SHARDS }, (_, index) => `fixtures-${index + 1}.test.ts`),
    );
    const sharded = Array.from({ length: SHARDS }, (_, index) => shardFixtures(index + 1)).flat();
    expect(sharded.map((entry) => entry.fixture).sort()).toEqual(
      manifest.fixtures.map((entry) => entry.fixture).sort(),
    );
  });

  it('the conformant baseline passes every rule', async () => {
    const plugin = await checkFixture({ fixture: manifest.conformant, fails: [], why: '' });
    expect(failedRules(plugin), explain(plugin)).toEqual([]);
    expect(plugin.verdict).toBe('pass');
  });

  it('catches every rule in the spec, or says why a rule cannot be caught', () => {
    const caught = new Set(manifest.fixtures.flatMap((entry) => entry.fails));
    const excused = new Map(
      (manifest.uncatchable ?? []).map((entry) => [entry.rule, entry.reason]),
    );
    for (const [rule, reason] of excused) {
      expect(
        spec.rules.some((entry) => entry.id === rule),
        `uncatchable ${rule} is not a rule`,
      ).toBe(true);
      expect(caught.has(rule), `${rule} is listed as uncatchable but a fixture catches it`).toBe(
        false,
      );
      expect(reason.length).toBeGreaterThan(0);
    }
    const missed = spec.rules
      .map((rule) => rule.id)
      .filter((id) => !caught.has(id) && !excused.has(id));
    // The table, printed for the log: rule by fixture.
    console.log(`catch table\n${renderCatchTable(spec, manifest)}`);
    expect(missed).toEqual([]);
  });
});
