import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, it } from 'vitest';
import type { PluginReport, RuleResult } from './spec-model/report-types.generated.js';
import {
  checkConformanceOptions,
  runConformance,
  type ConformanceOptions,
} from './runner/run-conformance.js';
import { UsageError } from './util/errors.js';
import { checkBoolean, checkPositiveInteger, describeValue } from './util/option-checks.js';
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
 * The folder a relative plugin path is read from: vitest's root (its `--root`, or the config's
 * `root`), which vitest keeps in the worker's state; outside a vitest worker, the working
 * directory. A file URL (`new URL('../dist/p.wasm', import.meta.url)`) needs neither.
 */
function vitestRoot(): string {
  const state = (globalThis as { __vitest_worker__?: { config?: { root?: unknown } } })
    .__vitest_worker__;
  const root = state?.config?.root;
  return typeof root === 'string' && isAbsolute(root) ? root : process.cwd();
}

/**
 * Where the plugin is (absolute) and how the tests, the run and its replay commands name it:
 * relative to the working directory when it is inside it, as a user would type it there.
 */
export function resolvePluginPath(plugin: unknown, root: string): { path: string; shown: string } {
  let path: string;
  if (plugin instanceof URL) {
    if (plugin.protocol !== 'file:') {
      throw new UsageError(
        'ZC_BAD_OPTION',
        `conformance() needs a file: URL or a path, got a ${plugin.protocol} URL (${plugin.href})`,
      );
    }
    path = fileURLToPath(plugin);
  } else if (typeof plugin === 'string' && plugin.length > 0) {
    path = plugin.startsWith('file:') ? fileURLToPath(plugin) : resolve(root, plugin);
  } else {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `conformance() needs the plugin as a path or a file URL, got ${describeValue(plugin)}`,
    );
  }
  const fromCwd = relative(process.cwd(), path);
  const inside = fromCwd !== '' && !fromCwd.startsWith(`..${sep}`) && !isAbsolute(fromCwd);
  return { path, shown: inside ? fromCwd.split(sep).join('/') : path };
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
export function conformance(plugin: string | URL, options: VitestConformanceOptions = {}): void {
  const spec = new SpecIndex(loadSpec());
  const { shown } = resolvePluginPath(plugin, vitestRoot());
  // A bad option is a UsageError when the file is collected, not a TypeError inside beforeAll.
  const given: unknown = options;
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new UsageError(
      'ZC_BAD_OPTION',
      `conformance() options must be an object, got ${describeValue(given)}`,
    );
  }
  const { strict, timeout, ...run } = options;
  if (strict !== undefined) checkBoolean('strict', strict);
  if (timeout !== undefined) checkPositiveInteger('timeout', timeout);
  checkConformanceOptions(run, spec);
  const ruleIds = selectRules(spec, run.only);
  describe(`zenith-conform: ${shown}`, () => {
    let report: PluginReport | undefined;
    beforeAll(async () => {
      // `shown` is the path relative to the working directory (or absolute), which is how
      // runConformance reads it and how its replay commands should name it.
      report = (await runConformance(shown, run)).plugins[0];
    }, timeout ?? 120_000);

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
        if (result.level === 'should' && !strict && result.status === 'fail') {
          console.warn(`[should] ${failureMessage(result)}`);
          return;
        }
        throw new Error(failureMessage(result));
      });
    }
  });
}
