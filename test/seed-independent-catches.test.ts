// A catch that depends on the seed is luck, not a detector: for each of these fixtures the
// rule that catches it does so at every seed tried, because what finds the bug is a case the
// rule always makes (an edge input, a capacity choice, a history built from accepted inputs),
// not one a generator happens to draw at seed 42.
import { describe, expect, it } from 'vitest';
import { runConformance } from '../src/index.js';
import { fixtureBytes, manifest } from './helpers/corpus.js';

const SEEDS = [1, 2, 3, 4, 5, 6];

const CATCHES: ReadonlyArray<readonly [fixture: string, rule: string]> = [
  // A rejected input cut off inside a quote, then an accepted one (ZC-CALL-013's cut-offs).
  ['quote-state-after-reject.wat', 'ZC-CALL-013'],
  // *output_len stored in 16 bits: seen only with 64 Ki elements of room to spare.
  ['count-stored-16-bit.wat', 'ZC-CALL-014'],
  // A number sizing a bitmap: the integer widths' largest values are edge inputs.
  ['bitmap-sized-by-value.wat', 'ZC-CALL-003'],
  // A stray byte equal to the guard byte right after the buffer, on one fixed guard start.
  ['end-marker-past-output.wat', 'ZC-CALL-006'],
];

describe('catches that do not depend on the seed', () => {
  it.each(CATCHES)('%s fails %s at every seed', async (fixture, rule) => {
    const entry = manifest.fixtures.find((candidate) => candidate.fixture === fixture)!;
    expect(entry.fails).toContain(rule);
    const statuses = [];
    for (const seed of SEEDS) {
      const report = await runConformance(fixtureBytes(entry), { only: [rule], seed });
      statuses.push(report.plugins[0]!.results.find((result) => result.rule === rule)!.status);
    }
    expect(statuses).toEqual(SEEDS.map(() => 'fail'));
  });
});
