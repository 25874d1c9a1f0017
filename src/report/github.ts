import { randomUUID } from 'node:crypto';
import { sanitizeDeep } from '../util/sanitize.js';
import type { ConformanceReport } from '../spec-model/report-types.generated.js';
import { findingsOf, type Finding } from './findings.js';

/**
 * GitHub workflow commands (`::error file=...,title=...::message`): one annotation per rule
 * that failed, on the pull request and the run page. The escaping is what GitHub's
 * workflow-commands documentation gives and @actions/core does: in the message `%`, CR and LF;
 * in a property also `:` and `,`. With line breaks escaped, nothing a plugin writes can start
 * a line, so it cannot inject a command of its own.
 */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

type Properties = Record<string, string | number | undefined>;

/** One workflow command line; properties without a value are left out. */
export function workflowCommand(
  name: 'error' | 'warning' | 'notice',
  properties: Properties,
  message: string,
): string {
  const given = Object.entries(properties).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined,
  );
  const list = given.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name}${list ? ` ${list}` : ''}::${escapeData(message)}\n`;
}

function annotation(source: string, finding: Finding): string {
  // A Rust panic's location points at the plugin's source; otherwise the plugin file is the place.
  const at = finding.location;
  return workflowCommand(
    finding.level,
    {
      file: at?.file ?? source,
      line: at?.line,
      col: at?.column,
      title: finding.rule,
    },
    finding.message,
  );
}

/**
 * The annotations of a run: `::error` for what fails it (must failures; should failures and
 * census warnings with --strict; rules that broke or could not be checked; unexpected passes),
 * `::warning` for should failures and warnings that do not, and an `::error` per plugin that
 * could not be read. Text is sanitized first (controls as visible escapes), as in every renderer.
 */
export function renderGithubAnnotations(unsafeReport: ConformanceReport): string {
  const report = sanitizeDeep(unsafeReport);
  const strict = report.settings.strict === true;
  const lines: string[] = [];
  for (const plugin of report.plugins) {
    if (plugin.error) {
      lines.push(
        workflowCommand(
          'error',
          { file: plugin.source, title: plugin.error.code },
          plugin.error.message,
        ),
      );
    }
    for (const finding of findingsOf(plugin, strict))
      lines.push(annotation(plugin.source, finding));
  }
  return lines.join('');
}

/**
 * Text with workflow-command processing off while it prints (GitHub's `::stop-commands::`),
 * for the text report under Actions: its plugin header lines start with the plugin's path, and
 * a file named `::error::x.wasm` must not become an annotation or a `::stop-commands::` of its
 * own. The token is random, so the text cannot resume processing early.
 */
export function withCommandsStopped(text: string, token: string = randomUUID()): string {
  return `::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`;
}
