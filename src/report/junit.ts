import { sanitizeDeep, sanitizeText } from '../util/sanitize.js';
import type {
  ConformanceReport,
  Failure,
  PluginReport,
  RuleResult,
} from '../spec-model/report-types.generated.js';

// XML 1.0 cannot carry most control characters, even escaped, and a terminal showing the file
// should not run them: plugin output's controls become visible escapes (`\x1b`), which are
// plain ASCII. Line feeds and tabs stay, for the multi-line failure text.
const escapeXml = (text: string): string =>
  sanitizeText(text, { multiline: true })
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

/**
 * A testcase's classname, which JUnit consumers read as a Java class path: the part before the
 * last dot is the package, the rest the class. `<plugin>.wasm.CALL` would make `wasm` part of
 * the package, so the plugin's path has its dots replaced by `_` and one dot separates it from
 * the area: package `reference-plugins/dist/echo_wasm`, class `CALL`. The plugin keeps its own
 * package, so the same rule of two plugins never merges into one test.
 */
export function junitClassname(source: string, area: string): string {
  return `${source.replace(/\./g, '_')}.${area}`;
}

function failureText(failure: Failure): string {
  const lines = [`expected: ${failure.expected}`, `found: ${failure.found}`];
  if (failure.where) lines.push(`where: ${failure.where}`);
  if (failure.counterexample) lines.push(`case: ${failure.counterexample.case}`);
  if (failure.call) lines.push(`call: ${failure.call}`);
  if (failure.replay) lines.push(`replay: ${failure.replay}`);
  if (failure.output?.stderr) lines.push(`stderr: ${failure.output.stderr.trim()}`);
  return lines.join('\n');
}

/**
 * A should failure gates only with --strict: without it the run exits 0, so JUnit must not
 * call it a failure (a JUnit reporter would turn a passing gate red). It is a skipped case
 * whose message says why, with the details in system-out.
 */
const gatesAsFailure = (result: RuleResult, strict: boolean): boolean =>
  result.level === 'must' || strict;

function testcase(plugin: PluginReport, result: RuleResult, strict: boolean): string {
  const name = `${result.rule} (${result.level}) ${result.description}`;
  const classname = junitClassname(plugin.source, result.area);
  const open = `    <testcase classname="${escapeXml(classname)}" name="${escapeXml(name)}" file="${escapeXml(plugin.source)}" time="${seconds(result.durationMs)}"`;
  const expectation = result.expectation;
  if (result.status === 'pass' && expectation?.outcome !== 'unexpected-pass') return `${open}/>`;
  let body: string;
  if (expectation?.outcome === 'expected-failure') {
    body = `<skipped message="${escapeXml(`expected failure: ${expectation.reason}`)}"/>`;
  } else if (expectation?.outcome === 'unexpected-pass') {
    const message = `passed, but --expect lists it as failing (${expectation.reason}): remove it from the list`;
    body = `<failure type="unexpected-pass" message="${escapeXml(message)}"/>`;
  } else if (result.status === 'skip' && result.skipKind === 'blocked' && result.level === 'must') {
    // A must rule that could not be checked fails the plugin, so it fails here too.
    body = `<failure type="not-checked" message="${escapeXml(`could not be checked: ${result.message}`)}"/>`;
  } else if (result.status === 'skip') {
    body = `<skipped message="${escapeXml(`${result.skipKind ?? 'skipped'}: ${result.message}`)}"/>`;
  } else if (result.status === 'fail' && !gatesAsFailure(result, strict)) {
    const details = (result.failures ?? []).map(failureText).join('\n\n');
    const message = `should failure, not gating without --strict: ${result.message}`;
    body = `<skipped message="${escapeXml(message)}"/>\n      <system-out>${escapeXml(details)}</system-out>`;
  } else {
    const type = result.status === 'error' ? 'error' : result.level;
    const details = (result.failures ?? []).map(failureText).join('\n\n');
    const tag = result.status === 'error' ? 'error' : 'failure';
    body = `<${tag} type="${type}" message="${escapeXml(result.message)}">${escapeXml(details)}</${tag}>`;
  }
  return `${open}>\n      ${body}\n    </testcase>`;
}

function testsuite(plugin: PluginReport, strict: boolean): string {
  const results = plugin.results;
  const count = (predicate: (result: RuleResult) => boolean): number =>
    results.filter(predicate).length;
  const failures = count(
    (r) =>
      (r.status === 'fail' &&
        r.expectation?.outcome !== 'expected-failure' &&
        gatesAsFailure(r, strict)) ||
      r.expectation?.outcome === 'unexpected-pass' ||
      (r.status === 'skip' && r.skipKind === 'blocked' && r.level === 'must'),
  );
  const errors = count((r) => r.status === 'error');
  const skipped = count(
    (r) =>
      (r.status === 'skip' && !(r.skipKind === 'blocked' && r.level === 'must')) ||
      r.expectation?.outcome === 'expected-failure' ||
      (r.status === 'fail' && !gatesAsFailure(r, strict)),
  );
  const attributes = `name="${escapeXml(plugin.source)}" file="${escapeXml(plugin.source)}" tests="${results.length || 1}" failures="${failures}" errors="${errors + (plugin.error ? 1 : 0)}" skipped="${skipped}" time="${seconds(plugin.durationMs)}"`;
  if (plugin.error) {
    // A plugin that could not be read still shows up, as one errored case.
    return `  <testsuite ${attributes}>\n    <testcase classname="${escapeXml(junitClassname(plugin.source, 'FILE'))}" name="read the plugin" file="${escapeXml(plugin.source)}">\n      <error type="${escapeXml(plugin.error.code)}" message="${escapeXml(plugin.error.message)}"/>\n    </testcase>\n  </testsuite>`;
  }
  const properties = plugin.sha256
    ? `    <properties>\n      <property name="sha256" value="${plugin.sha256}"/>${plugin.info ? `\n      <property name="plugin_info" value="${escapeXml(plugin.info.text)}"/>` : ''}\n    </properties>\n`
    : '';
  return `  <testsuite ${attributes}>\n${properties}${results.map((result) => testcase(plugin, result, strict)).join('\n')}\n  </testsuite>`;
}

/**
 * JUnit XML: one testsuite per plugin, one testcase per rule, failing where the exit code
 * fails: a should failure is a failure of type "should" with --strict and a skipped case with
 * its details otherwise; expected failures from --expect are skipped with their reason, and an
 * unexpected pass is a failure.
 */
export function renderJunit(unsafeReport: ConformanceReport): string {
  // One-line fields stay on one line (an attribute would fold a line feed into a space).
  const report = sanitizeDeep(unsafeReport, new Set(['stderr', 'stdout']));
  const totals = report.plugins.reduce(
    (sum, plugin) => ({
      tests: sum.tests + plugin.results.length,
      time: sum.time + (plugin.durationMs ?? 0),
    }),
    { tests: 0, time: 0 },
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="zenith-conform ${escapeXml(report.tool.version)} (ABI ${escapeXml(report.spec.version)}, seed ${report.settings.seed})" tests="${totals.tests}" time="${seconds(totals.time)}">`,
    ...report.plugins.map((plugin) => testsuite(plugin, report.settings.strict === true)),
    '</testsuites>',
    '',
  ].join('\n');
}
