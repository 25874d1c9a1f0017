// The proof that the suite catches what it claims (typescript-eslint style: the broken corpus
// is the `invalid` table, the reference plugins the `valid` one). Each broken plugin must fail
// exactly the rules its manifest entry lists: a rule failing that is not listed is suite
// imprecision, and fails this test as surely as a rule that misses its bug.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance, loadSpec, type PluginReport } from '../src/index.js';
import { renderCatchTable } from '../scripts/catch-table.js';
import {
  ROOT as root,
  failedRules,
  fixtureBytes,
  fixtureContract,
  manifest,
  type ManifestEntry,
} from './helpers/corpus.js';

const spec = loadSpec();

/** What to show when a fixture's failures differ from its manifest entry. */
const explain = (report: PluginReport): string =>
  JSON.stringify(
    report.results
      .filter((result) => result.status === 'fail' || result.status === 'error')
      .map(({ rule, message, failures }) => ({ rule, message, found: failures?.[0]?.found })),
    null,
    2,
  );

async function check(
  entry: ManifestEntry,
  { withContract = true }: { withContract?: boolean } = {},
): Promise<PluginReport> {
  const contract = withContract ? fixtureContract(entry) : undefined;
  const bytes = fixtureBytes(entry);
  const report = await runConformance(contract ? { plugin: bytes, contract } : bytes, {
    limits: entry.limits ?? {},
  });
  return report.plugins[0]!;
}

describe('the broken-plugin corpus', () => {
  it.each(manifest.fixtures.map((entry) => [entry.fixture, entry] as const))(
    '%s fails exactly its manifest rules',
    async (_name, entry) => {
      const plugin = await check(entry);
      expect(failedRules(plugin), explain(plugin)).toEqual(entry.fails);
      for (const result of plugin.results.filter((r) => r.status === 'fail')) {
        for (const failure of result.failures ?? []) {
          expect(failure.expected.length).toBeGreaterThan(0);
          expect(failure.found.length).toBeGreaterThan(0);
        }
      }
      // A message built from a missing value reads "undefined", "NaN" or "[object Object]".
      for (const result of plugin.results) {
        const text = JSON.stringify([result.message, result.failures ?? []]);
        expect(text, `${result.rule}: ${text}`).not.toMatch(/\bundefined\b|\bNaN\b|\[object /);
      }
    },
  );

  // A logic bug is not an ABI bug: without the author's declaration the same plugin passes,
  // so the declared rule, not some ABI rule, is what caught it.
  it.each(
    manifest.fixtures
      .filter((entry) => entry.contract)
      .map((entry) => [entry.fixture, entry] as const),
  )('%s passes every rule without its contract', async (_name, entry) => {
    const plugin = await check(entry, { withContract: false });
    expect(failedRules(plugin), explain(plugin)).toEqual([]);
    expect(plugin.verdict).toBe('pass');
  });

  it('the conformant baseline passes every rule', async () => {
    const plugin = await check({ fixture: manifest.conformant, fails: [], why: '' });
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

const referencePlugins = readdirSync(join(root, 'reference-plugins', 'dist'))
  .filter((name) => name.endsWith('.wasm'))
  .sort();

describe('the reference plugins, at --thorough depth', () => {
  it('are all here', () => {
    expect(referencePlugins).toEqual(
      expect.arrayContaining(['echo.wasm', 'tokenizer.wasm', 'resize.wasm']),
    );
  });

  it.each(referencePlugins)(
    '%s passes every must and every should rule',
    async (name) => {
      const report = await runConformance(join(root, 'reference-plugins', 'dist', name), {
        depth: 'thorough',
      });
      const plugin = report.plugins[0]!;
      expect(failedRules(plugin), explain(plugin)).toEqual([]);
      expect(plugin.verdict).toBe('pass');
    },
    300_000,
  );
});
