// The whole benchmark on the smallest reference plugin, two mutants per operator: only the
// invariants are asserted (which mutants survive is what the benchmark measures, not a test).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applySite, enumerateSites } from '../bench/mutation/mutate.js';
import { MUTANT_CLASSES, type Depth } from '../bench/mutation/report-types.js';
import { renderMarkdown } from '../bench/mutation/render-markdown.js';
import { runMutationBenchmark } from '../bench/mutation/run.js';

const ECHO = fileURLToPath(new URL('../reference-plugins/dist/echo.wasm', import.meta.url));

describe('bench:mutation on echo.wasm', () => {
  it('classifies every mutant once, with the rules that killed it, and every mutant validates', async () => {
    // With echo's declared contract, so that the with-contract depth runs its declared rules.
    const report = await runMutationBenchmark({
      plugins: [ECHO],
      perOperator: 2,
      jobs: 2,
      contracts: new Map([
        ['echo', { properties: { idempotent: true, 'length-preserving': true } }],
      ]),
      contractsSource: 'test',
    });
    const { mutants } = report;
    expect(mutants.length).toBeGreaterThan(0);
    expect(mutants.length).toBeLessThanOrEqual(2 * report.settings.operators.length);

    for (const depth of ['default', 'thorough', 'contract'] as Depth[]) {
      const counts = report.classes[depth];
      expect(MUTANT_CLASSES.reduce((sum, name) => sum + counts[name], 0)).toBe(mutants.length);
      const { overall } = report.scores[depth];
      const judged = overall.killed + overall.killedByShould + overall.survived;
      expect(overall.score).toBe(judged === 0 ? null : overall.killed / judged);
    }

    for (const mutant of mutants) {
      const gated = mutant.differential.verdict === 'differs';
      expect(mutant.gate !== undefined, mutant.id).toBe(gated);
      if (mutant.class.default === 'killed') {
        expect(mutant.gate?.default.mustFailed.length, mutant.id).toBeGreaterThan(0);
        expect(mutant.class.thorough).toBe('killed');
      }
      if (mutant.class.thorough === 'killed') {
        const run = mutant.gate?.thorough ?? mutant.gate?.default;
        expect(run?.mustFailed.length, mutant.id).toBeGreaterThan(0);
      }
      if (!gated) expect(mutant.class.thorough).toBe(mutant.class.default);
      // A contract only adds rules: what the default gate kills, it kills too.
      if (mutant.class.default === 'killed') expect(mutant.class.contract).toBe('killed');
      if (mutant.class.contract === 'killed' && mutant.class.default !== 'killed') {
        expect(mutant.gate?.contract?.mustFailed.length, mutant.id).toBeGreaterThan(0);
      }
    }

    const bytes = new Uint8Array(readFileSync(ECHO));
    const everywhere = enumerateSites(
      bytes,
      new Map(Array.from({ length: 64 }, (_, index) => [index, true as const])),
    );
    for (const mutant of mutants) {
      const site = everywhere.find(
        (candidate) =>
          candidate.operator === mutant.operator &&
          candidate.functionIndex === mutant.functionIndex &&
          candidate.offset === mutant.offset &&
          candidate.variant === mutant.variant,
      );
      expect(site, mutant.id).toBeDefined();
      expect(WebAssembly.validate(applySite(bytes, site!) as Uint8Array<ArrayBuffer>)).toBe(true);
    }

    expect(renderMarkdown(report)).toContain('## Survivors');
    expect(renderMarkdown(report)).toContain('with contract');
    // The whole benchmark end to end: minutes when every core is busy, seconds otherwise.
  }, 240_000);
});
