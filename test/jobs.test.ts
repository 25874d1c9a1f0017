// --jobs shares a plugin's rules between workers. The promise is that the number of workers
// changes nothing but the time: the JSON of a one-worker run and of a many-worker run are
// equal once timings are left out, for plugins that pass and for plugins whose calls are
// stopped (a hang, a memory bomb, a log flood), which is where a pool could differ.
import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { withoutTimings } from '../src/report/without-timings.js';
import { ROOT, fixtureBytes, manifest } from './helpers/corpus.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const entry = (fixture: string) => {
  const found = manifest.fixtures.find((candidate) => candidate.fixture === fixture);
  if (!found) throw new Error(`${fixture} is not in the broken corpus manifest`);
  return found;
};

describe('--jobs', () => {
  const reference = (name: string) =>
    new Uint8Array(readFileSync(join(ROOT, 'reference-plugins', 'dist', `${name}.wasm`)));

  it.each(['echo', 'tokenizer'])(
    'gives %s the same report with 1 worker and with 3',
    async (name) => {
      const bytes = reference(name);
      const one = await runConformance(bytes, { jobs: 1 });
      const three = await runConformance(bytes, { jobs: 3 });
      expect(one.summary.ok).toBe(true);
      expect(withoutTimings(three)).toEqual(withoutTimings(one));
    },
    120_000,
  );

  it.each([
    'process-loops-forever.wat',
    'process-memory-bomb.wat',
    'log-flood.wat',
    'keeps-state-between-calls.wat',
    'info-loops-forever.wat',
  ])(
    'gives %s (its calls are stopped, or it fails) the same report with 1, 2 and 3 workers',
    async (fixture) => {
      const { limits } = entry(fixture);
      const bytes = fixtureBytes(entry(fixture));
      // Without exploration: it runs before the rules, the same for any number of jobs.
      const settings = { limits: limits ?? {}, explore: false } as const;
      const one = await runConformance(bytes, { jobs: 1, ...settings });
      expect(one.summary.ok).toBe(false);
      // Two pool sizes: which worker meets the stop first, and what it runs next, differ.
      for (const jobs of [2, 3]) {
        const pooled = await runConformance(bytes, { jobs, ...settings });
        expect(withoutTimings(pooled)).toEqual(withoutTimings(one));
      }
    },
    240_000,
  );

  it('checks several plugins side by side, reporting them in the order given', async () => {
    const plugins = [
      reference('echo'),
      fixtureBytes(entry('keeps-state-between-calls.wat')),
      reference('c-hex'),
    ];
    const order = (jobs: number) => {
      const seen: string[] = [];
      const run = runConformance(plugins, {
        jobs,
        onRuleResult: (_source, result) => seen.push(result.rule),
        onPluginReport: (report) => seen.push(`plugin ${report.sha256}`),
      });
      return run.then((report) => ({ report, seen }));
    };
    const one = await order(1);
    const four = await order(4);
    expect(one.report.plugins.map((plugin) => plugin.verdict)).toEqual(['pass', 'fail', 'pass']);
    expect(withoutTimings(four.report)).toEqual(withoutTimings(one.report));
    // Rule and plugin reports arrive in the same sequence as from one plugin at a time.
    expect(four.seen).toEqual(one.seen);
  }, 240_000);

  it('is a usage error below 1', async () => {
    await expect(runConformance(reference('echo'), { jobs: 0 })).rejects.toThrow(
      /jobs must be a positive integer/,
    );
  });
});
