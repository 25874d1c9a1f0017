import type { SpecIndex } from '../spec-model/spec-index.js';
import { UsageError } from '../util/errors.js';

/**
 * The rules to run, in spec order: all of them, or those asked for with --only plus every rule
 * they depend on (a rule cannot be judged without its prerequisites).
 */
export function selectRules(spec: SpecIndex, only: readonly string[] | undefined): string[] {
  const all = spec.spec.rules.map((rule) => rule.id);
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

/** The spec's limits with the caller's overrides; unknown names are a usage error. */
export function resolveLimits(
  spec: SpecIndex,
  overrides: Readonly<Record<string, number | undefined>> | undefined,
): Record<string, number> {
  const limits = spec.limitDefaults();
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) continue;
    if (!(name in limits)) throw new UsageError('ZC_UNKNOWN_LIMIT', `unknown limit ${name}`);
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new UsageError(
        'ZC_BAD_LIMIT',
        `limit ${name} must be a non-negative integer, got ${value}`,
      );
    }
    limits[name] = value;
  }
  return limits;
}

/** The CLI flags that reproduce non-default limits, for replay commands. */
export function limitArgs(spec: SpecIndex, limits: Readonly<Record<string, number>>): string {
  return spec.spec.limits
    .filter((limit) => limits[limit.name] !== limit.default)
    .map((limit) => `${limit.option} ${limits[limit.name]}`)
    .join(' ');
}
