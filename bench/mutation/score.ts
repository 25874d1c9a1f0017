/** Mutation scores and class counts from the mutants' records. */
import type { OperatorId } from './operators.js';
import {
  MUTANT_CLASSES,
  type Depth,
  type MutantClass,
  type MutantRecord,
  type Score,
  type ScoreTable,
} from './report-types.js';

/**
 * A mutant's class at `--thorough` for a plugin with its contract: killed when the thorough
 * gate or the contract's declared rules killed it. A lower bound of a thorough run with the
 * contract, since the declared rules ran at the default depth.
 */
export function thoroughWithContract(mutant: MutantRecord): MutantClass {
  const { thorough, contract } = mutant.class;
  if (thorough === 'killed' || contract === 'killed') return 'killed';
  if (thorough === 'killed-by-should' || contract === 'killed-by-should') return 'killed-by-should';
  return thorough;
}

export function scoreOf(
  mutants: readonly MutantRecord[],
  depth: Depth | ((mutant: MutantRecord) => MutantClass),
): Score {
  const classOf =
    typeof depth === 'function' ? depth : (mutant: MutantRecord) => mutant.class[depth];
  const count = (wanted: MutantClass): number =>
    mutants.filter((mutant) => classOf(mutant) === wanted).length;
  const killed = count('killed');
  const killedByShould = count('killed-by-should');
  const survived = count('survived');
  const judged = killed + killedByShould + survived;
  return {
    killed,
    killedByShould,
    survived,
    error: count('error'),
    equivalent: count('equivalent'),
    notInstantiable: count('not-instantiable'),
    total: mutants.length,
    score: judged === 0 ? null : killed / judged,
  };
}

function groupBy<K extends string>(
  mutants: readonly MutantRecord[],
  key: (mutant: MutantRecord) => K,
): Map<K, MutantRecord[]> {
  const groups = new Map<K, MutantRecord[]>();
  for (const mutant of mutants) {
    const k = key(mutant);
    groups.set(k, [...(groups.get(k) ?? []), mutant]);
  }
  return groups;
}

export function scoreTable(
  mutants: readonly MutantRecord[],
  depth: Depth,
  plugins: readonly string[],
  operators: readonly OperatorId[],
): ScoreTable {
  const byPlugin = groupBy(mutants, (mutant) => mutant.plugin);
  const byOperator = groupBy(mutants, (mutant) => mutant.operator);
  return {
    overall: scoreOf(mutants, depth),
    plugins: Object.fromEntries(
      plugins.map((plugin) => [plugin, scoreOf(byPlugin.get(plugin) ?? [], depth)]),
    ),
    operators: Object.fromEntries(
      operators.map((operator) => [operator, scoreOf(byOperator.get(operator) ?? [], depth)]),
    ),
  };
}

export function classCounts(
  mutants: readonly MutantRecord[],
  depth: Depth,
): Record<MutantClass, number> {
  return Object.fromEntries(
    MUTANT_CLASSES.map((wanted) => [
      wanted,
      mutants.filter((mutant) => mutant.class[depth] === wanted).length,
    ]),
  ) as Record<MutantClass, number>;
}

export function killsByRule(
  mutants: readonly MutantRecord[],
  depth: Depth,
): Record<string, number> {
  const kills = new Map<string, number>();
  for (const mutant of mutants) {
    if (mutant.class[depth] !== 'killed') continue;
    // With the contract: the default run's rules, and the declared rules run after it.
    const rules =
      depth === 'thorough'
        ? (mutant.gate?.thorough ?? mutant.gate?.default)?.mustFailed
        : depth === 'contract'
          ? [
              ...new Set([
                ...(mutant.gate?.default.mustFailed ?? []),
                ...(mutant.gate?.contract?.mustFailed ?? []),
              ]),
            ]
          : mutant.gate?.default.mustFailed;
    for (const rule of rules ?? []) kills.set(rule, (kills.get(rule) ?? 0) + 1);
  }
  return Object.fromEntries([...kills].sort(([a], [b]) => a.localeCompare(b)));
}

export const formatScore = (score: Score): string =>
  score.score === null ? '—' : `${(score.score * 100).toFixed(1)}%`;
