import type {
  PluginInfo,
  PluginReport,
  RuleCounts,
  RuleResult,
} from '../spec-model/report-types.generated.js';
import { areaOfRule, type SpecIndex } from '../spec-model/spec-index.js';
import type { PropertySettings } from '../check/context.js';
import type { Limits } from '../spec-model/limits.js';
import { applyKnownFailures, type KnownFailure } from './expectations.js';
import { readPluginFile, sha256 } from '../util/read-plugin-file.js';
import { compilePlugin } from './load-plugin.js';
import { runChecks, type RuleRunRecord } from './run-checks.js';
import { relative } from 'node:path';
import type { CheckContract } from '../contract/contract.js';
import type { Fixture, FixtureObservation } from '../contract/fixture.js';
import { writeFixtureUpdates } from '../contract/update-fixtures.js';

export interface PluginRunSettings {
  spec: SpecIndex;
  ruleIds: string[];
  seed: number;
  limits: Limits;
  replayArgs: string;
  property: PropertySettings;
  knownFailures?: readonly KnownFailure[];
  /** should failures and warnings fail the plugin too. */
  strict?: boolean;
  onRuleResult?: (source: string, result: RuleResult) => void;
  /** The plugin's declared contract (fixtures, properties), when its config gives one. */
  contract?: CheckContract;
  /** Workers sharing the rules (--jobs); the verdicts are the same for any number. */
  jobs?: number;
  /** --time: when (performance.now()) this plugin's property budget ends. */
  budgetEndsAt?: number;
}

/** Checks one plugin, given as a path or as bytes; never throws for anything the plugin does. */
export async function checkPlugin(
  input: string | Uint8Array,
  settings: PluginRunSettings,
): Promise<PluginReport> {
  const began = performance.now();
  const source = typeof input === 'string' ? input : '<bytes>';
  let bytes: Uint8Array;
  if (typeof input === 'string') {
    const read = await readPluginFile(input);
    if (!read.ok) {
      return {
        source,
        verdict: 'error',
        error: { code: read.code, message: read.message },
        results: [],
        counts: countResults(settings.spec, []),
        durationMs: performance.now() - began,
      };
    }
    bytes = read.bytes;
  } else {
    bytes = input;
  }

  const compiled = await compilePlugin(bytes);
  if (!compiled.ok && 'cannotCheck' in compiled) {
    return {
      source,
      sha256: sha256(bytes),
      sizeBytes: bytes.length,
      verdict: 'error',
      error: { code: 'ZC_CANNOT_CHECK', message: compiled.message },
      results: [],
      counts: countResults(settings.spec, []),
      durationMs: performance.now() - began,
    };
  }
  let info: PluginInfo | undefined;
  const records = await runChecks({
    bytes,
    ...(compiled.ok
      ? { info: compiled.info, exportNames: compiled.exportNames }
      : { compileError: compiled.message, exportNames: [] }),
    ruleIds: settings.ruleIds,
    settings: {
      source,
      seed: settings.seed,
      limits: settings.limits,
      replayArgs: settings.replayArgs,
      property: settings.property,
      ...(settings.contract ? { contract: settings.contract } : {}),
    },
    spec: settings.spec,
    ...(settings.jobs !== undefined ? { jobs: settings.jobs } : {}),
    ...(settings.budgetEndsAt !== undefined ? { budgetEndsAt: settings.budgetEndsAt } : {}),
    onRuleDone: (record) => settings.onRuleResult?.(source, toRuleResult(settings.spec, record)),
  });
  const ordered = records.map((record) => {
    const facts = 'facts' in record.outcome ? record.outcome.facts : undefined;
    if (facts?.info) info = facts.info;
    const result = toRuleResult(settings.spec, record);
    if (facts?.fixtureObservations && settings.contract?.fixtures) {
      recordFixtures(result, settings.contract.fixtures.cases, facts.fixtureObservations);
    }
    return result;
  });
  applyKnownFailures(source, ordered, settings.knownFailures ?? []);

  const counts = countResults(settings.spec, ordered);
  // A check that broke (or could not decide) is the tool's failure, not the plugin's: exit 2.
  const report: PluginReport = {
    source,
    sha256: sha256(bytes),
    sizeBytes: bytes.length,
    verdict: verdictOf(counts, settings.strict ?? false),
    results: ordered,
    counts,
    durationMs: performance.now() - began,
  };
  if (info) report.info = info;
  return report;
}

/**
 * --update-fixtures: writes what the plugin returned into the fixture files, and says which
 * in the rule's message; a fixture that cannot be written that way fails the rule.
 */
function recordFixtures(
  result: RuleResult,
  fixtures: readonly Fixture[],
  observations: readonly FixtureObservation[],
): void {
  const { written, refused } = writeFixtureUpdates(fixtures, observations);
  result.message = `${result.message}; wrote ${written.length === 0 ? 'nothing' : written.map((file) => relative(process.cwd(), file) || file).join(', ')}`;
  if (refused.length > 0) {
    result.status = 'fail';
    result.failures = refused.map((why) => ({
      expected: 'a fixture --update-fixtures can write',
      found: why,
    }));
  }
}

function toRuleResult(spec: SpecIndex, record: RuleRunRecord): RuleResult {
  const rule = spec.rule(record.id);
  const outcome = record.outcome;
  const result: RuleResult = {
    rule: rule.id,
    level: rule.level,
    area: areaOfRule(rule.id),
    description: rule.description,
    status: outcome.status,
    message: outcome.message,
    durationMs: Math.round(record.durationMs * 100) / 100,
  };
  if (outcome.status === 'skip') result.skipKind = outcome.skipKind;
  if (outcome.status === 'fail') result.failures = outcome.failures;
  if (outcome.status === 'error' && outcome.detail) {
    result.failures = [{ expected: 'the check runs to completion', found: outcome.detail }];
  }
  if (outcome.status !== 'error') {
    if (outcome.census?.length) result.census = outcome.census;
    if (outcome.warnings?.length) result.warnings = outcome.warnings;
  }
  return result;
}

function countResults(spec: SpecIndex, results: readonly RuleResult[]): RuleCounts {
  const counts: RuleCounts = {
    pass: 0,
    fail: 0,
    skip: 0,
    error: 0,
    mustFailed: 0,
    shouldFailed: 0,
  };
  for (const result of results) {
    counts[result.status]++;
    if (result.expectation?.outcome === 'expected-failure') {
      counts.expectedFailures = (counts.expectedFailures ?? 0) + 1;
    } else if (result.expectation?.outcome === 'unexpected-pass') {
      counts.unexpectedPasses = (counts.unexpectedPasses ?? 0) + 1;
    } else if (result.status === 'fail') {
      if (spec.rule(result.rule).level === 'must') counts.mustFailed++;
      else counts.shouldFailed++;
    } else if (
      result.status === 'skip' &&
      result.skipKind === 'blocked' &&
      spec.rule(result.rule).level === 'must'
    ) {
      counts.mustBlocked = (counts.mustBlocked ?? 0) + 1;
    }
    if (result.warnings?.length) counts.warnings = (counts.warnings ?? 0) + 1;
  }
  return counts;
}

/**
 * The plugin's verdict from its counts: a check that broke is the tool's failure (error); a
 * must rule that failed, or that could not be checked at all, fails the plugin (a must rule
 * nobody could judge is not a pass); --strict fails should failures and warnings too.
 */
function verdictOf(counts: RuleCounts, strict: boolean): PluginReport['verdict'] {
  if (counts.error > 0) return 'error';
  const failed =
    counts.mustFailed > 0 || (counts.unexpectedPasses ?? 0) > 0 || (counts.mustBlocked ?? 0) > 0;
  const strictly = strict && (counts.shouldFailed > 0 || (counts.warnings ?? 0) > 0);
  return failed || strictly ? 'fail' : 'pass';
}
