import type { ConformanceReport, PluginReport } from '../spec-model/report-types.generated.js';
import { findingsOf } from './findings.js';
import { markdownText } from './markdown-text.js';

const VERDICT = { pass: '✅ pass', fail: '❌ fail', error: '⚠️ error' } as const;

const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

function pluginSection(plugin: PluginReport, strict: boolean): string[] {
  const lines = [`### ${markdownText(plugin.source)}`, ''];
  if (plugin.error) {
    lines.push(`${VERDICT.error}: ${markdownText(plugin.error.message)}`, '');
    return lines;
  }
  const { counts } = plugin;
  lines.push(
    row(['verdict', 'passed', 'must failed', 'should failed', 'skipped', 'errors', 'expected']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
    row([
      VERDICT[plugin.verdict],
      String(counts.pass),
      String(counts.mustFailed),
      String(counts.shouldFailed),
      String(counts.skip),
      String(counts.error),
      String(counts.expectedFailures ?? 0),
    ]),
    '',
  );
  const findings = findingsOf(plugin, strict);
  if (findings.length === 0) {
    lines.push('No failing rules.', '');
    return lines;
  }
  lines.push(row(['rule', 'level', 'gates', 'message']), row(['---', '---', '---', '---']));
  for (const finding of findings) {
    lines.push(
      row([
        markdownText(finding.rule),
        finding.ruleLevel,
        finding.level === 'error' ? 'fails the run' : 'does not fail the run',
        markdownText(finding.message),
      ]),
    );
  }
  lines.push('');
  return lines;
}

/**
 * The run as GitHub job-summary Markdown ($GITHUB_STEP_SUMMARY): one section per plugin with
 * its verdict, counts and the rules that failed with their levels, rows read through the same
 * findings as the annotations. Every plugin-controlled string goes through markdownText.
 */
export function renderGithubSummary(report: ConformanceReport): string {
  const strict = report.settings.strict === true;
  const { plugins, passed, failed, errors } = report.summary;
  const lines = [
    `## zenith-conform ${markdownText(report.tool.version)} · Zenith plugin ABI ${markdownText(report.spec.version)}`,
    '',
    `${plugins} plugin${plugins === 1 ? '' : 's'}: ${passed} passed, ${failed} failed, ${errors} could not be checked · seed ${report.settings.seed}${strict ? ' · --strict' : ''}`,
    '',
  ];
  for (const plugin of report.plugins) lines.push(...pluginSection(plugin, strict));
  return lines.join('\n');
}
