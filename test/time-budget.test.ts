// --time: property rules make cases until their share of the budget is spent, and never fewer
// than the configured count. What a budget buys depends on the machine (a loaded one spends a
// whole-run budget before the rules start), so these tests ask only for what holds on any
// machine; test/unit/property/time-budget.test.ts shows a share making more cases than the count.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConformance, type ConformanceReport } from '../src/index.js';
import { fixtureBytes, manifest } from './helpers/corpus.js';

const echo = new Uint8Array(
  readFileSync(join(import.meta.dirname, '..', 'reference-plugins', 'dist', 'echo.wasm')),
);

const casesOf = (report: ConformanceReport, rule: string): number => {
  const result = report.plugins[0]!.results.find((entry) => entry.rule === rule)!;
  return (result.census ?? []).reduce((sum, tally) => sum + tally.cases, 0);
};

describe('--time', () => {
  it('runs at least the configured count when the budget is already spent', async () => {
    const report = await runConformance(echo, { only: ['ZC-CALL-006'], runs: 50, timeMs: 1 });
    expect(report.summary.ok).toBe(true);
    expect(casesOf(report, 'ZC-CALL-006')).toBe(50);
    expect(report.settings.timeMs).toBe(1);
  });

  it('finds a failure whose printed path replays it without the budget', async () => {
    const entry = manifest.fixtures.find((f) => f.fixture === 'keeps-state-between-calls.wat')!;
    const bytes = fixtureBytes(entry);
    const timed = await runConformance(bytes, { only: ['ZC-CALL-013'], timeMs: 2000 });
    const failure = timed.plugins[0]!.results.find((r) => r.rule === 'ZC-CALL-013')!.failures![0]!;
    expect(failure.replay).not.toMatch(/--time/);
    const path = failure.counterexample!.path;
    const replayed = await runConformance(bytes, { only: ['ZC-CALL-013'], path });
    const again = replayed.plugins[0]!.results.find((r) => r.rule === 'ZC-CALL-013')!;
    expect(again.status).toBe('fail');
    expect(again.failures![0]!.found).toBe(failure.found);
  });

  it('is a usage error with --path (a replay runs one case) and below 1 ms', async () => {
    await expect(
      runConformance(echo, { only: ['ZC-CALL-006'], path: '1', timeMs: 1000 }),
    ).rejects.toThrow(/timeMs and path are exclusive/);
    await expect(runConformance(echo, { timeMs: 0 })).rejects.toThrow(
      /timeMs must be a positive integer/,
    );
  });
});
