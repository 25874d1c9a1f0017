// The broken-corpus proof, split into shards: a test file runs in one vitest worker, and the
// corpus is most of the suite's time, so one file would keep one core busy while the other
// waits. Each shard file (test/broken-corpus/fixtures-<n>.test.ts) takes every third fixture.
import { describe, expect, it } from 'vitest';
import { runConformance, type PluginReport } from '../../src/index.js';
import {
  failedRules,
  fixtureBytes,
  fixtureContract,
  manifest,
  type ManifestEntry,
} from './corpus.js';

export const SHARDS = 3;

/** What to show when a fixture's failures differ from its manifest entry. */
export const explain = (report: PluginReport): string =>
  JSON.stringify(
    report.results
      .filter((result) => result.status === 'fail' || result.status === 'error')
      .map(({ rule, message, failures }) => ({ rule, message, found: failures?.[0]?.found })),
    null,
    2,
  );

export async function checkFixture(
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

/** The fixtures of shard `shard` (1-based): every SHARDS-th one, so slow kinds spread out. */
export function shardFixtures(shard: number): ManifestEntry[] {
  return manifest.fixtures.filter((_entry, index) => index % SHARDS === shard - 1);
}

const FIXTURE_TIMEOUT_MS = 300_000;

export function describeCorpusShard(shard: number): void {
  const fixtures = shardFixtures(shard);
  describe(`the broken-plugin corpus (shard ${shard} of ${SHARDS})`, () => {
    it.each(fixtures.map((entry) => [entry.fixture, entry] as const))(
      '%s fails exactly its manifest rules',
      async (_name, entry) => {
        const plugin = await checkFixture(entry);
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
      // A safety net, not a claim about speed: a fixture whose failure shrinks over large
      // inputs (heap-claims-host-pages, ZC-CALL-013) runs a minute or more on a busy machine.
      FIXTURE_TIMEOUT_MS,
    );

    // A logic bug is not an ABI bug: without the author's declaration the same plugin passes,
    // so the declared rule, not some ABI rule, is what caught it.
    const declared = fixtures.filter((entry) => entry.contract);
    it.each(declared.map((entry) => [entry.fixture, entry] as const))(
      '%s passes every rule without its contract',
      async (_name, entry) => {
        const plugin = await checkFixture(entry, { withContract: false });
        expect(failedRules(plugin), explain(plugin)).toEqual([]);
        expect(plugin.verdict).toBe('pass');
      },
    );
  });
}
