import { readFileSync } from 'node:fs';
import type { RuleResult } from '../spec-model/report-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { UsageError } from '../util/errors.js';

/**
 * A rule a plugin is known to fail, with the reason: known failures are data (as in
 * wasi-testsuite), so a team can adopt the gate before fixing everything, and an entry that
 * starts passing fails the run until it is removed.
 */
export interface KnownFailure {
  rule: string;
  reason: string;
  /** Applies to plugins whose path contains this text; to every plugin when absent. */
  plugin?: string;
}

/** Reads an --expect file: `{ "expectedFailures": [{ "rule", "reason", "plugin"? }] }`. */
export function loadKnownFailures(path: string, spec: SpecIndex): KnownFailure[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError('ZC_BAD_EXPECT', `--expect ${path}: ${(error as Error).message}`);
  }
  const list = (data as { expectedFailures?: unknown }).expectedFailures;
  if (!Array.isArray(list)) {
    throw new UsageError(
      'ZC_BAD_EXPECT',
      `--expect ${path}: expected { "expectedFailures": [...] }`,
    );
  }
  return list.map((entry: unknown, index) => {
    const { rule, reason, plugin } = (entry ?? {}) as Record<string, unknown>;
    const where = `--expect ${path}: expectedFailures[${index}]`;
    if (typeof rule !== 'string' || !spec.rulesById.has(rule)) {
      throw new UsageError('ZC_BAD_EXPECT', `${where}: unknown rule ${JSON.stringify(rule)}`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new UsageError('ZC_BAD_EXPECT', `${where}: a reason is required for ${rule}`);
    }
    if (plugin !== undefined && typeof plugin !== 'string') {
      throw new UsageError('ZC_BAD_EXPECT', `${where}: plugin must be a string`);
    }
    return plugin === undefined ? { rule, reason } : { rule, reason, plugin };
  });
}

/** Marks results the known failures cover: failed as expected, or passed unexpectedly. */
export function applyKnownFailures(
  source: string,
  results: RuleResult[],
  known: readonly KnownFailure[],
): void {
  for (const result of results) {
    const entry = known.find(
      (item) =>
        item.rule === result.rule && (item.plugin === undefined || source.includes(item.plugin)),
    );
    if (!entry) continue;
    if (result.status === 'fail')
      result.expectation = { outcome: 'expected-failure', reason: entry.reason };
    else if (result.status === 'pass')
      result.expectation = { outcome: 'unexpected-pass', reason: entry.reason };
  }
}
