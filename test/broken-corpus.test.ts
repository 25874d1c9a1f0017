import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance, loadSpec, type PluginReport } from '../src/index.js';
import { wat, withCustomSection } from './helpers/wat.js';

interface ManifestEntry {
  fixture: string;
  fails: string[];
  why: string;
  limits?: Record<string, number>;
  padBytes?: number;
}

const corpusDir = join(import.meta.dirname, '..', 'reference-plugins', 'broken');
const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as {
  conformant: string;
  fixtures: ManifestEntry[];
};

function fixtureBytes(entry: Pick<ManifestEntry, 'fixture' | 'padBytes'>): Uint8Array {
  const path = join(corpusDir, entry.fixture);
  const bytes = path.endsWith('.wat')
    ? wat(readFileSync(path, 'utf8'))
    : new Uint8Array(readFileSync(path));
  return entry.padBytes ? withCustomSection(bytes, 'padding', entry.padBytes) : bytes;
}

const failedRules = (report: PluginReport): string[] =>
  report.results
    .filter((result) => result.status === 'fail' || result.status === 'error')
    .map((result) => result.rule);

async function check(entry: ManifestEntry): Promise<PluginReport> {
  const report = await runConformance(fixtureBytes(entry), { limits: entry.limits ?? {} });
  return report.plugins[0]!;
}

describe('the broken-plugin corpus', () => {
  it.each(manifest.fixtures.map((entry) => [entry.fixture, entry] as const))(
    '%s fails exactly its manifest rules',
    async (_name, entry) => {
      const plugin = await check(entry);
      expect(
        failedRules(plugin),
        JSON.stringify(
          plugin.results.filter((r) => r.status !== 'pass' && r.status !== 'skip'),
          null,
          2,
        ),
      ).toEqual(entry.fails);
      for (const result of plugin.results.filter((r) => r.status === 'fail')) {
        for (const failure of result.failures ?? []) {
          expect(failure.expected.length).toBeGreaterThan(0);
          expect(failure.found.length).toBeGreaterThan(0);
        }
      }
    },
  );

  it('the conformant baseline passes every rule', async () => {
    const plugin = await check({ fixture: manifest.conformant, fails: [], why: '' });
    expect(failedRules(plugin)).toEqual([]);
    expect(plugin.verdict).toBe('pass');
  });

  it('every static and runtime rule is caught by at least one fixture', () => {
    const caught = new Set(manifest.fixtures.flatMap((entry) => entry.fails));
    const rules = loadSpec().rules.filter((rule) => rule.kind !== 'property');
    expect(rules.filter((rule) => !caught.has(rule.id)).map((rule) => rule.id)).toEqual([]);
  });
});
