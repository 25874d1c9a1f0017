// SARIF 2.1.0: valid against the OASIS schema (vendored in test/fixtures/sarif), the spec's rules
// as the driver's, and one result per failed rule at the level the exit code gives it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { artifactUri, renderSarif } from '../../../src/report/sarif.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';
import type {
  ConformanceReport,
  RuleResult,
} from '../../../src/spec-model/report-types.generated.js';
import { HOSTILE, RAW_CONTROL } from '../../helpers/hostile-text.js';
import { hostileReport } from './fixtures.js';

const spec = loadSpec();
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8'),
) as object;
// The SARIF schema is draft-04, which ajv 8 reads through ajv-draft-04; both packages are
// CommonJS with the class (and the plugin) as `default` of module.exports.
const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);
const validate = ajv.compile(schema);

interface Sarif {
  runs: Array<{
    tool: {
      driver: {
        rules: Array<{
          id: string;
          shortDescription: { text: string };
          defaultConfiguration: { level: string };
        }>;
      };
    };
    results: Array<{
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
      relatedLocations?: Array<{
        physicalLocation: { artifactLocation: { uri: string }; region: object };
      }>;
    }>;
    invocations: Array<{
      executionSuccessful: boolean;
      toolExecutionNotifications?: Array<{ level: string; message: { text: string } }>;
    }>;
  }>;
}

const result = (rule: string, overrides: Partial<RuleResult>): RuleResult => ({
  rule,
  level: 'must',
  area: rule.split('-')[1]!,
  description: rule,
  status: 'fail',
  message: `message of ${rule}`,
  durationMs: 1,
  ...overrides,
});

function reportOf(source: string, results: RuleResult[], strict = false): ConformanceReport {
  const counts = { pass: 0, fail: 2, skip: 0, mustFailed: 1, shouldFailed: 1, error: 0 };
  return {
    tool: { name: 'zenith-conform', version: '0.1.0', node: 'v20' },
    spec: { abi: 'zenith', version: '1.0.0' },
    settings: { seed: 42, runs: 100, limits: {}, ...(strict ? { strict: true } : {}) },
    plugins: [{ source, verdict: 'fail', results, counts }],
    summary: { plugins: 1, passed: 0, failed: 1, errors: 0, ok: false },
  };
}

const TWO = [
  result('ZC-CALL-002', {
    failures: [
      {
        expected: 'a return code',
        found: "trapped: panicked at 'boom', src/lib.rs:7:9",
        replay: 'npx zenith-conform x.wasm --only ZC-CALL-002 --seed 42',
      },
    ],
  }),
  result('ZC-CALL-010', { level: 'should' }),
];

const parsed = (text: string): Sarif => JSON.parse(text) as Sarif;

describe('the SARIF report', () => {
  it.each([
    ['a must and a should failure', () => reportOf('dist/my plugin#1.wasm', TWO)],
    ['every outcome, with hostile text', hostileReport],
    ['an absolute plugin path, --strict', () => reportOf('/work/dist/p.wasm', TWO, true)],
  ])('is valid against the SARIF 2.1.0 schema: %s', (_name, report) => {
    const sarif = JSON.parse(renderSarif(report(), spec)) as unknown;
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('is checked by a schema check that can fail', () => {
    const sarif = parsed(renderSarif(reportOf('p.wasm', TWO), spec));
    sarif.runs[0]!.results[0]!.level = 'fatal';
    expect(validate(sarif)).toBe(false);
    const relative = parsed(renderSarif(reportOf('p.wasm', TWO), spec));
    relative.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'a b';
    expect(validate(relative)).toBe(false);
  });

  it("lists the spec's rules with their descriptions and must/should levels", () => {
    const { rules } = parsed(renderSarif(reportOf('p.wasm', TWO), spec)).runs[0]!.tool.driver;
    expect(rules.map((rule) => rule.id)).toEqual(spec.rules.map((rule) => rule.id));
    for (const [i, rule] of spec.rules.entries()) {
      expect(rules[i]!.shortDescription.text).toBe(rule.description);
      expect(rules[i]!.defaultConfiguration.level).toBe(
        rule.level === 'must' ? 'error' : 'warning',
      );
    }
  });

  it('has one result per failed rule, at the plugin, levels as the exit code has them', () => {
    const run = parsed(renderSarif(reportOf('dist/my plugin#1.wasm', TWO), spec)).runs[0]!;
    const rules = run.tool.driver.rules;
    expect(run.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['ZC-CALL-002', 'error'],
      ['ZC-CALL-010', 'warning'],
    ]);
    for (const r of run.results) expect(rules[r.ruleIndex]!.id).toBe(r.ruleId);
    expect(run.results[0]!.message.text).toBe('message of ZC-CALL-002');
    expect(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'dist/my%20plugin%231.wasm',
    );
    expect(run.results[0]!.relatedLocations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/lib.rs' },
      region: { startLine: 7, startColumn: 9 },
    });
    const strict = parsed(renderSarif(reportOf('p.wasm', TWO, true), spec)).runs[0]!;
    expect(strict.results.map((r) => r.level)).toEqual(['error', 'error']);
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
  });

  it('reports a plugin it could not read as a failed invocation, and escapes plugin text', () => {
    const text = renderSarif(hostileReport(), spec);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).not.toContain(HOSTILE);
    const invocation = parsed(text).runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications?.[0]?.message.text).toMatch(/no such file$/);
  });

  it('turns paths into URI references', () => {
    expect(artifactUri('reference-plugins/dist/echo.wasm')).toBe(
      'reference-plugins/dist/echo.wasm',
    );
    expect(artifactUri('/tmp/a b.wasm')).toBe('file:///tmp/a%20b.wasm');
    expect(artifactUri('<stdin>')).toBe('%3Cstdin%3E');
  });
});
