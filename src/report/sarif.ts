import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import { sanitizeDeep } from '../util/sanitize.js';
import type { ZenithAbiSpec } from '../spec-model/abi-types.generated.js';
import type { ConformanceReport, PluginReport } from '../spec-model/report-types.generated.js';
import { findingsOf, type Finding } from './findings.js';

export const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const HOMEPAGE = 'https://github.com/zenith-conform/zenith-conform';

/**
 * A plugin path as a SARIF artifact URI: a relative path stays relative (code scanning resolves
 * it against the repository), with each segment percent-encoded so that a space or `#` in a
 * file name still makes a valid URI reference; an absolute path becomes a file: URL.
 */
export function artifactUri(source: string): string {
  if (isAbsolute(source)) return pathToFileURL(source).href;
  return source.split('/').map(encodeURIComponent).join('/');
}

const physical = (uri: string, region?: { startLine: number; startColumn: number }) => ({
  physicalLocation: { artifactLocation: { uri }, ...(region ? { region } : {}) },
});

function result(plugin: PluginReport, finding: Finding, ruleIndex: number) {
  const at = finding.location;
  const related = at
    ? {
        relatedLocations: [
          {
            id: 1,
            message: { text: 'where the plugin panicked' },
            ...physical(artifactUri(at.file), { startLine: at.line, startColumn: at.column }),
          },
        ],
      }
    : {};
  return {
    ruleId: finding.rule,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: finding.level,
    message: { text: finding.message },
    locations: [physical(artifactUri(plugin.source))],
    ...related,
    ...(finding.replay ? { properties: { replay: finding.replay } } : {}),
  };
}

/**
 * SARIF 2.1.0 of a run, for code scanning and other SARIF readers: the spec's rules as the
 * driver's rules (level error for must, warning for should), one result per rule that failed
 * at the level the exit code gives it (the same findings as the GitHub annotations), located
 * at the plugin's path; a plugin that could not be read is a tool notification, and makes the
 * invocation unsuccessful. Text is sanitized like every other renderer's.
 */
export function renderSarif(unsafeReport: ConformanceReport, spec: ZenithAbiSpec): string {
  const report = sanitizeDeep(unsafeReport);
  const strict = report.settings.strict === true;
  const ruleIds = spec.rules.map((rule) => rule.id);
  const rules = spec.rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.rationale ? { fullDescription: { text: rule.rationale } } : {}),
    defaultConfiguration: { level: rule.level === 'must' ? 'error' : 'warning' },
    helpUri: `${HOMEPAGE}/blob/main/spec/ABI.md`,
    properties: { tags: [rule.level, rule.kind] },
  }));
  const results = report.plugins.flatMap((plugin) =>
    findingsOf(plugin, strict).map((finding) =>
      result(plugin, finding, ruleIds.indexOf(finding.rule)),
    ),
  );
  const unreadable = report.plugins.filter((plugin) => plugin.error);
  const notifications = unreadable.map((plugin) => ({
    level: 'error',
    message: { text: plugin.error!.message },
    descriptor: { id: plugin.error!.code },
    locations: [physical(artifactUri(plugin.source))],
  }));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'zenith-conform',
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: HOMEPAGE,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: unreadable.length === 0,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
        properties: { abi: report.spec.version, seed: report.settings.seed, strict },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
