import { readFileSync } from 'node:fs';
import type { RuleResult } from '../spec-model/report-types.generated.js';
import type { SpecIndex } from '../spec-model/spec-index.js';
import { UsageError } from '../util/errors.js';
import { didYouMean } from '../util/option-checks.js';

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

const ENTRY_FIELDS = ['rule', 'reason', 'plugin'];
const ENTRY_SHAPE = '{ "rule", "reason", "plugin"? }';

/** A JSON value's kind for a message: `null`, `an array`, `a string`, `an object`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string'
    ? `the string ${JSON.stringify(value)}`
    : (JSON.stringify(value) ?? typeof value);
}

/**
 * Checks known failures as spec/expect.schema.json describes them (by hand: the runtime has no
 * schema validator) plus what a schema cannot say: that each rule is one the spec has. `where`
 * prefixes each message, e.g. `--expect known.json` or `knownFailures`.
 */
export function validateKnownFailures(
  data: unknown,
  spec: SpecIndex,
  where: string,
  { wrapped = true }: { wrapped?: boolean } = {},
): KnownFailure[] {
  const fail = (message: string): never => {
    throw new UsageError('ZC_BAD_EXPECT', `${where}: ${message}`);
  };
  let list: unknown = data;
  let prefix = '';
  if (wrapped) {
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      fail(`expected an object { "expectedFailures": [${ENTRY_SHAPE}, ...] }, got ${kindOf(data)}`);
    }
    const record = data as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== 'expectedFailures' && key !== '$schema') {
        fail(
          `unknown field ${JSON.stringify(key)}${didYouMean(key, ['expectedFailures'])}: expected { "expectedFailures": [...] }`,
        );
      }
    }
    if (!('expectedFailures' in record)) {
      fail(`"expectedFailures" is missing: expected { "expectedFailures": [${ENTRY_SHAPE}, ...] }`);
    }
    if (record['$schema'] !== undefined && typeof record['$schema'] !== 'string') {
      fail(`"$schema" must be a string, got ${kindOf(record['$schema'])}`);
    }
    list = record['expectedFailures'];
    prefix = 'expectedFailures';
  }
  if (!Array.isArray(list)) {
    fail(
      `${prefix ? `"${prefix}"` : 'the list'} must be an array of ${ENTRY_SHAPE}, got ${kindOf(list)}`,
    );
  }
  const rules = [...spec.rulesById.keys()];
  return (list as unknown[]).map((entry, index) => {
    const at = `${prefix}[${index}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      return fail(`${at} must be an object ${ENTRY_SHAPE}, got ${kindOf(entry)}`);
    }
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!ENTRY_FIELDS.includes(key)) {
        fail(`${at}: unknown field ${JSON.stringify(key)}${didYouMean(key, ENTRY_FIELDS)}`);
      }
    }
    const { rule, reason, plugin } = record;
    if (rule === undefined) fail(`${at}: "rule" is missing (a rule id, see --list-rules)`);
    if (typeof rule !== 'string' || !spec.rulesById.has(rule)) {
      fail(
        `${at}: unknown rule ${JSON.stringify(rule)}${didYouMean(String(rule), rules, 'see --list-rules')}`,
      );
    }
    const id = rule as string;
    if (reason === undefined)
      fail(`${at}: a reason is required for ${id}: say why the plugin fails it`);
    if (typeof reason !== 'string' || reason.trim() === '') {
      fail(`${at}: the reason for ${id} must be a non-empty string, got ${kindOf(reason)}`);
    }
    if (plugin !== undefined && (typeof plugin !== 'string' || plugin === '')) {
      fail(
        `${at}: "plugin" must be a non-empty string (part of a plugin path), got ${kindOf(plugin)}`,
      );
    }
    const known: KnownFailure = { rule: id, reason: reason as string };
    if (plugin !== undefined) known.plugin = plugin as string;
    return known;
  });
}

/**
 * Reads an --expect file: `{ "expectedFailures": [{ "rule", "reason", "plugin"? }] }`, valid
 * against spec/expect.schema.json. Every problem is a one-line UsageError naming the file.
 */
export function loadKnownFailures(path: string, spec: SpecIndex): KnownFailure[] {
  const where = `--expect ${path}`;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, expected a JSON file'
          : code === 'EACCES'
            ? 'permission denied'
            : (error as Error).message;
    throw new UsageError('ZC_BAD_EXPECT', `${where}: ${reason}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      'ZC_BAD_EXPECT',
      `${where}: not JSON (${(error as Error).message}); see spec/expect.schema.json`,
    );
  }
  return validateKnownFailures(data, spec, where);
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
