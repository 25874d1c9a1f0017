import { describe, expect, it } from 'vitest';
import type { MutantClass, MutantRecord } from '../../../bench/mutation/report-types.js';
import { scoreOf, thoroughWithContract } from '../../../bench/mutation/score.js';

const mutant = (thorough: MutantClass, contract: MutantClass): MutantRecord =>
  ({ class: { default: thorough, thorough, contract } }) as unknown as MutantRecord;

describe('thorough with the contract', () => {
  it('is killed when either the thorough gate or the declared rules killed', () => {
    expect(thoroughWithContract(mutant('killed', 'survived'))).toBe('killed');
    expect(thoroughWithContract(mutant('survived', 'killed'))).toBe('killed');
    expect(thoroughWithContract(mutant('survived', 'killed-by-should'))).toBe('killed-by-should');
    expect(thoroughWithContract(mutant('survived', 'survived'))).toBe('survived');
    expect(thoroughWithContract(mutant('equivalent', 'equivalent'))).toBe('equivalent');
  });

  it('scores from that class', () => {
    const mutants = [
      mutant('killed', 'killed'),
      mutant('survived', 'killed'),
      mutant('survived', 'survived'),
      mutant('equivalent', 'equivalent'),
    ];
    const score = scoreOf(mutants, thoroughWithContract);
    expect([score.killed, score.survived, score.equivalent]).toEqual([2, 1, 1]);
    expect(score.score).toBeCloseTo(2 / 3);
  });
});
