import { createColors } from 'picocolors';
import { formatSize } from '../util/format-size.js';
import { sanitizeDeep } from '../util/sanitize.js';
import type { ZenithAbiSpec } from '../spec-model/abi-types.generated.js';
import type {
  ConformanceReport,
  Failure,
  PluginReport,
  RuleResult,
} from '../spec-model/report-types.generated.js';

type Colors = ReturnType<typeof createColors>;

function marker(result: RuleResult, c: Colors): string {
  switch (result.status) {
    case 'pass':
      return c.green('✓');
    case 'fail':
      return result.level === 'must' ? c.red('✗') : c.yellow('!');
    case 'error':
      return c.magenta('E');
    case 'skip':
      return c.dim('-');
  }
}

function failureLines(failure: Failure, c: Colors): string[] {
  const lines = [
    `${c.dim('expected:')} ${failure.expected}`,
    `${c.dim('found:   ')} ${failure.found}`,
  ];
  if (failure.where) lines.push(`${c.dim('where:   ')} ${failure.where}`);
  const example = failure.counterexample;
  if (example) {
    const history =
      example.runs === undefined
        ? ''
        : ` (failed after ${example.runs} cases, shrunk ${example.shrinks ?? 0} times)`;
    lines.push(`${c.dim('case:    ')} ${example.case}${c.dim(history)}`);
  }
  if (failure.call && failure.call !== failure.where)
    lines.push(`${c.dim('call:    ')} ${failure.call}`);
  if (failure.diff) {
    lines.push(`${c.dim('diff:    ')} ${c.red('- expected')} ${c.green('+ found')}`);
    for (const line of failure.diff.split('\n')) {
      const paint = line.startsWith('-') ? c.red : line.startsWith('+') ? c.green : c.dim;
      lines.push(`           ${paint(line)}`);
    }
  }
  const stderr = failure.output?.stderr.trim();
  if (stderr) lines.push(`${c.dim('stderr:  ')} ${stderr.split('\n').slice(-5).join(' | ')}`);
  const log = failure.output?.log ?? [];
  if (log.length) lines.push(`${c.dim('log:     ')} ${log.slice(-3).join(' | ').slice(0, 300)}`);
  if (failure.replay) lines.push(`${c.dim('replay:  ')} ${c.cyan(failure.replay)}`);
  return lines;
}

const MAX_FAILURES_SHOWN = 5;

function ruleLines(result: RuleResult, c: Colors): string[] {
  const level = result.level === 'must' ? 'must  ' : 'should';
  const head = `    ${marker(result, c)} ${result.rule.padEnd(12)} ${c.dim(level)} ${result.description}`;
  const expectation = result.expectation;
  if (expectation?.outcome === 'unexpected-pass') {
    const note = `passed, but --expect lists it as failing (${expectation.reason}): remove it from the list`;
    return [
      `    ${c.red('✗')} ${result.rule.padEnd(12)} ${c.dim(level)} ${result.description}`,
      `        ${c.red(note)}`,
    ];
  }
  if (expectation?.outcome === 'expected-failure') {
    return [
      c.dim(
        `    x ${result.rule.padEnd(12)} ${level} ${result.description} (expected failure: ${expectation.reason})`,
      ),
    ];
  }
  const warnings = (result.warnings ?? []).map((text) => `        ${c.yellow('warning:')} ${text}`);
  if (result.status === 'pass') return [`${head} ${c.dim(`(${result.message})`)}`, ...warnings];
  if (result.status === 'skip') {
    if (result.skipKind === 'blocked' && result.level === 'must') {
      // A must rule nobody could judge is not a pass: it fails the plugin.
      return [
        `    ${c.red('?')} ${result.rule.padEnd(12)} ${c.dim(level)} ${result.description}`,
        `        ${c.red('could not be checked:')} ${result.message}`,
        ...warnings,
      ];
    }
    const why = result.skipKind === 'not-applicable' ? 'not applicable' : 'blocked';
    return [c.dim(`${head} (${why}: ${result.message})`), ...warnings];
  }
  const failures = result.failures ?? [];
  // The message restates a lone failure's `found`; the failure lines say it in full.
  const restated = failures.length === 1 && result.message.includes(failures[0]!.found);
  const lines = [head];
  if (!restated) {
    lines.push(`        ${result.status === 'error' ? c.magenta(result.message) : result.message}`);
  }
  for (const failure of failures.slice(0, MAX_FAILURES_SHOWN)) {
    lines.push(...failureLines(failure, c).map((line) => `          ${line}`));
  }
  if (failures.length > MAX_FAILURES_SHOWN) {
    lines.push(`          … and ${failures.length - MAX_FAILURES_SHOWN} more (see --json)`);
  }
  return [...lines, ...warnings];
}

function pluginLines(plugin: PluginReport, spec: ZenithAbiSpec, c: Colors): string[] {
  if (plugin.verdict === 'error' && plugin.results.length === 0) {
    return [
      `${c.bold(plugin.source)}`,
      `  ${c.red('ERROR')} ${plugin.error?.message ?? 'could not be checked'}`,
    ];
  }
  const facts = [
    plugin.info?.text,
    plugin.sizeBytes === undefined ? undefined : formatSize(plugin.sizeBytes),
    plugin.sha256 ? `sha256 ${plugin.sha256.slice(0, 12)}…` : undefined,
  ].filter(Boolean);
  const lines = [`${c.bold(plugin.source)}  ${c.dim(`(${facts.join(', ')})`)}`];
  for (const area of spec.areas) {
    const results = plugin.results.filter((result) => result.area === area.code);
    if (results.length === 0) continue;
    lines.push(`  ${c.bold(area.title)}`);
    for (const result of results) lines.push(...ruleLines(result, c));
  }
  const { pass, fail, skip, error, shouldFailed } = plugin.counts;
  const verdict =
    plugin.verdict === 'pass'
      ? c.green(c.bold('PASS'))
      : plugin.verdict === 'error'
        ? c.magenta(c.bold('ERROR'))
        : c.red(c.bold('FAIL'));
  const parts = [
    `${pass} passed`,
    `${fail} failed${shouldFailed ? ` (${shouldFailed} should)` : ''}`,
    `${skip} skipped`,
  ];
  if (error) parts.push(`${error} errors`);
  if (plugin.counts.mustBlocked) parts.push(c.red(`${plugin.counts.mustBlocked} must not checked`));
  if (plugin.counts.warnings) parts.push(c.yellow(`${plugin.counts.warnings} with warnings`));
  const { expectedFailures, unexpectedPasses } = plugin.counts;
  if (expectedFailures) parts.push(`${expectedFailures} expected failures`);
  if (unexpectedPasses) parts.push(c.red(`${unexpectedPasses} unexpected passes`));
  lines.push('', `  ${verdict}  ${parts.join(', ')}`);
  return lines;
}

/** Text a renderer prints on several lines on purpose; every other string is one line. */
export const MULTILINE_FIELDS: ReadonlySet<string> = new Set(['stderr', 'stdout', 'diff']);

/**
 * The text report: one section per plugin, rules grouped by the spec's areas. Every string of
 * the report is sanitized first (plugin output, plugin_info, file names): a plugin's escape
 * sequences, controls and bidi overrides are shown as `\x1b`, `\u202e`, never sent raw, with
 * colour or without.
 */
export function renderHuman(
  unsafeReport: ConformanceReport,
  unsafeSpec: ZenithAbiSpec,
  color: boolean,
): string {
  const report = sanitizeDeep(unsafeReport, MULTILINE_FIELDS);
  const spec = sanitizeDeep(unsafeSpec);
  const c = createColors(color);
  const lines = [
    c.dim(
      `zenith-conform ${report.tool.version} · Zenith plugin ABI ${report.spec.version} · seed ${report.settings.seed}`,
    ),
    '',
  ];
  for (const plugin of report.plugins) lines.push(...pluginLines(plugin, spec, c), '');
  const { plugins, passed, failed, errors } = report.summary;
  if (plugins > 1) {
    lines.push(
      `${plugins} plugins: ${c.green(`${passed} passed`)}, ${failed ? c.red(`${failed} failed`) : '0 failed'}${errors ? `, ${c.red(`${errors} could not be checked`)}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}

export function renderRuleList(spec: ZenithAbiSpec): string {
  return (
    spec.rules
      .map(
        (rule) =>
          `${rule.id.padEnd(12)} ${rule.level.padEnd(6)} ${rule.kind.padEnd(8)} ${rule.description}`,
      )
      .join('\n') + '\n'
  );
}
