import { beforeAll, describe, it } from 'vitest';
import type { PluginReport, RuleResult } from './spec-model/report-types.generated.js';
import { runConformance, type ConformanceOptions } from './runner/run-conformance.js';
import { selectRules } from './runner/select-rules.js';
import { loadSpec } from './spec-model/load-spec.js';
import { SpecIndex } from './spec-model/spec-index.js';
import { sanitizeDeep } from './util/sanitize.js';

export interface VitestConformanceOptions extends Omit<ConformanceOptions, 'onRuleResult'> {
  /** Fail tests for should-level rules too (by default they pass with a warning). */
  strict?: boolean;
  /** Timeout for the whole conformance run, in ms (default 120 000). */
  timeout?: number;
}

/** A failed rule as the test's message (from a sanitized result: plugin controls escaped). */
function failureMessage(result: RuleResult): string {
  const lines = [`${result.rule} (${result.level}): ${result.description}`, result.message];
  for (const failure of result.failures ?? []) {
    lines.push(`  expected: ${failure.expected}`, `  found:    ${failure.found}`);
    if (failure.counterexample) lines.push(`  case:     ${failure.counterexample.case}`);
    if (failure.call) lines.push(`  call:     ${failure.call}`);
    if (failure.output?.stderr) lines.push(`  stderr:   ${failure.output.stderr.trim()}`);
    if (failure.replay) lines.push(`  replay:   ${failure.replay}`);
  }
  return lines.join('\n');
}

/**
 * Registers one vitest test per rule for a plugin, inside a describe block:
 *
 *     import { conformance } from 'zenith-conform/vitest';
 *     conformance('dist/my_plugin.wasm');
 *
 * The checks run once (in beforeAll); each test then reports its rule's verdict with the same
 * messages and replay commands as the CLI. Rules that do not apply are skipped.
 */
export function conformance(plugin: string, options: VitestConformanceOptions = {}): void {
  const spec = new SpecIndex(loadSpec());
  const ruleIds = selectRules(spec, options.only);
  describe(`zenith-conform: ${plugin}`, () => {
    let report: PluginReport | undefined;
    beforeAll(async () => {
      const { strict: _strict, timeout: _timeout, ...run } = options;
      report = (await runConformance(plugin, run)).plugins[0];
    }, options.timeout ?? 120_000);

    it('the plugin can be read', () => {
      if (report?.error) {
        const { code, message } = sanitizeDeep(report.error);
        throw new Error(`${code}: ${message}`);
      }
    });

    for (const id of ruleIds) {
      const rule = spec.rule(id);
      it(`${id} ${rule.description}`, (context) => {
        const found = report?.results.find((entry) => entry.rule === id);
        const result = found && sanitizeDeep(found, new Set(['stderr', 'stdout']));
        if (!result)
          return context.skip(report?.error ? 'the plugin could not be read' : 'not run');
        if (result.expectation?.outcome === 'expected-failure') {
          return context.skip(`expected failure: ${result.expectation.reason}`);
        }
        if (result.expectation?.outcome === 'unexpected-pass') {
          throw new Error(
            `${id} passed, but it is listed as a known failure (${result.expectation.reason})`,
          );
        }
        if (result.status === 'skip') return context.skip(`${result.skipKind}: ${result.message}`);
        if (result.status === 'pass') return;
        if (result.level === 'should' && !options.strict && result.status === 'fail') {
          console.warn(`[should] ${failureMessage(result)}`);
          return;
        }
        throw new Error(failureMessage(result));
      });
    }
  });
}
