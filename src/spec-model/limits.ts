import { UsageError } from '../util/errors.js';
import type { LimitName } from './abi-types.generated.js';
import type { SpecIndex } from './spec-index.js';

/**
 * The limits of one run, every one present: the spec's defaults with the caller's overrides.
 * Code reads `limits.callTimeoutMs`, never a default of its own, so the spec stays the one
 * place a limit is written down.
 */
export type Limits = Readonly<Record<LimitName, number>>;

/** The spec's defaults; the schema's LimitName enum and the spec's entries must agree. */
export function defaultLimits(spec: SpecIndex): Limits {
  const limits: Partial<Record<LimitName, number>> = {};
  for (const entry of spec.limitEntries) limits[entry.name] = entry.default;
  return limits as Limits;
}

/** The spec's limits with the caller's overrides; unknown names and bad values are usage errors. */
export function resolveLimits(
  spec: SpecIndex,
  overrides: Readonly<Record<string, number | undefined>> | undefined,
): Limits {
  const limits: Record<string, number> = { ...defaultLimits(spec) };
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
  return limits as Limits;
}

/** The CLI option that sets a limit, e.g. `--timeout` for callTimeoutMs. */
export function limitOption(spec: SpecIndex, name: LimitName): string {
  const entry = spec.limitEntries.find((limit) => limit.name === name);
  if (!entry) throw new Error(`no limit ${name} in the spec`);
  return entry.option;
}

/** The CLI flags that reproduce non-default limits, for replay commands. */
export function limitArgs(spec: SpecIndex, limits: Limits): string {
  return spec.limitEntries
    .filter((limit) => limits[limit.name] !== limit.default)
    .map((limit) => `${limit.option} ${limits[limit.name]}`)
    .join(' ');
}
