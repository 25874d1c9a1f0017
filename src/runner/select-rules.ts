import type { SpecIndex } from '../spec-model/spec-index.js';
import { UsageError } from '../util/errors.js';

/**
 * The rules to run, in spec order: all of them, or those asked for with --only plus every rule
 * they depend on (a rule cannot be judged without its prerequisites).
 */
export function selectRules(spec: SpecIndex, only: readonly string[] | undefined): string[] {
  const all = spec.rules.map((rule) => rule.id);
  if (!only || only.length === 0) return all;
  const wanted = new Set<string>();
  const visit = (id: string): void => {
    if (wanted.has(id)) return;
    const rule = spec.rulesById.get(id);
    if (!rule) {
      throw new UsageError('ZC_UNKNOWN_RULE', `unknown rule ${id} (see --list-rules)`);
    }
    wanted.add(id);
    for (const dependency of rule.dependsOn ?? []) visit(dependency);
  };
  for (const id of only) visit(id);
  return all.filter((id) => wanted.has(id));
}
