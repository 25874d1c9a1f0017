// JUnit fails where the exit code fails: a should failure is red only with --strict.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../../src/report/junit.js';
import type {
  ConformanceReport,
  RuleResult,
} from '../../../src/spec-model/report-types.generated.js';
import { hostileReport } from './fixtures.js';

/** One plugin whose only failure is a should rule's. */
function shouldOnly(strict: boolean): ConformanceReport {
  const report = hostileReport();
  const plugin = report.plugins[0]!;
  const withoutExpectation = (result: RuleResult): RuleResult => {
    const copy = { ...result };
    delete copy.expectation;
    return copy;
  };
  const passing = withoutExpectation(plugin.results[3]!);
  const should: RuleResult = { ...withoutExpectation(plugin.results[2]!), level: 'should' };
  plugin.results = [passing, should];
  plugin.verdict = strict ? 'fail' : 'pass';
  report.plugins = [plugin];
  if (strict) report.settings = { ...report.settings, strict: true };
  return report;
}

interface Suite {
  '@_failures': string;
  '@_skipped': string;
  testcase: Array<{ failure?: { '@_type': string }; skipped?: { '@_message': string } }>;
}

const suiteOf = (xml: string): Suite =>
  (new XMLParser({ ignoreAttributes: false }).parse(xml) as { testsuites: { testsuite: Suite } })
    .testsuites.testsuite;

describe('a should failure in JUnit', () => {
  it('is a skipped case with its details without --strict (the run exits 0)', () => {
    const xml = renderJunit(shouldOnly(false));
    expect(XMLValidator.validate(xml)).toBe(true);
    const suite = suiteOf(xml);
    expect(suite['@_failures']).toBe('0');
    expect(suite['@_skipped']).toBe('1');
    expect(suite.testcase[1]!.failure).toBeUndefined();
    expect(suite.testcase[1]!.skipped!['@_message']).toMatch(/^should failure, not gating/);
    expect(xml).toContain('<system-out>expected: expected');
  });

  it('is a failure of type should with --strict (the run exits 1)', () => {
    const suite = suiteOf(renderJunit(shouldOnly(true)));
    expect(suite['@_failures']).toBe('1');
    expect(suite['@_skipped']).toBe('0');
    expect(suite.testcase[1]!.failure!['@_type']).toBe('should');
  });
});
