import type {
  BenchReport,
  CaseComparison,
  PluginBench,
} from '../../spec-model/bench-report-types.generated.js';
import { formatSize } from '../../util/format-size.js';
import { sanitizeDeep, sanitizeText } from '../../util/sanitize.js';
import { formatChange, formatDuration } from './format.js';
import {
  COLUMNS,
  OVERHEAD_TARGET,
  caseCells,
  environmentFacts,
  noiseWarnings,
  overheadAt64k,
  pluginFacts,
  pluginTitle,
  settingsFacts,
  type Column,
} from './rows.js';

const escapeCell = (text: string): string => sanitizeText(text).replace(/\|/g, '\\|');

const RIGHT = new Set<string>([
  'ops/s',
  'MB/s',
  'median',
  'mean',
  'p99',
  '±rme',
  'samples',
  'outliers',
  'harness/raw',
  'instr/call',
  'instr/byte',
  'pages',
]);

/** A Markdown table; right-aligned numeric columns. */
export function markdownTable(
  headers: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(escapeCell).join(' | ')} |`;
  const rule = headers.map((header) => (RIGHT.has(header) ? '---:' : '---'));
  return [line(headers), `| ${rule.join(' | ')} |`, ...rows.map(line)].join('\n');
}

export function pluginTable(plugin: PluginBench, columns: readonly Column[] = COLUMNS): string {
  const rows = plugin.cases.map((result) => {
    const cells = caseCells(result);
    return columns.map((column) => cells[column]);
  });
  return markdownTable(columns, rows);
}

function comparisonRows(cases: readonly CaseComparison[]): string[][] {
  return cases.map((c) => [
    c.plugin,
    c.export,
    formatSize(c.size),
    c.time.verdict,
    c.time.changePercent !== undefined ? formatChange(c.time.changePercent) : '',
    c.time.baselineMeanMs !== undefined && c.time.currentMeanMs !== undefined
      ? `${formatDuration(c.time.baselineMeanMs)} → ${formatDuration(c.time.currentMeanMs)}`
      : '',
    c.instructions.verdict === 'not-compared'
      ? ''
      : `${c.instructions.verdict} (${c.instructions.baseline} → ${c.instructions.current})`,
    c.status ?? '',
    c.regression ? 'yes' : '',
  ]);
}

/** report.md: tables ready to paste into a README or a pull-request comment. */
export function renderMarkdown(unsafeReport: BenchReport): string {
  const report = sanitizeDeep(unsafeReport);
  const out: string[] = [
    '# zenith-conform bench',
    '',
    environmentFacts(report).join(' · '),
    '',
    settingsFacts(report).join(' · '),
  ];
  for (const plugin of report.plugins) {
    out.push(
      '',
      `## ${pluginTitle(plugin)}`,
      '',
      pluginFacts(plugin)
        .map((fact, i) => (i === 0 ? `\`${fact}\`` : fact))
        .join(' · '),
    );
    if (plugin.error) out.push('', `**error:** ${plugin.error}`);
    if (plugin.cases.length > 0) out.push('', pluginTable(plugin));
    const warnings = noiseWarnings(plugin);
    if (warnings.length > 0) out.push('', ...warnings.map((warning) => `> ⚠ ${warning}`));
    const overhead = overheadAt64k(plugin);
    if (overhead)
      out.push(
        '',
        `Harness overhead at 64 KiB (median over rounds of harness mean / raw loop mean): ${overhead}; target ≤ ${OVERHEAD_TARGET.toFixed(2)}×.`,
      );
  }
  if (report.comparison) {
    const base = report.comparison.baseline;
    out.push(
      '',
      '## Compared with the baseline',
      '',
      `\`${base.path}\`: zenith-conform ${base.version} · Node ${base.node} · ${base.cpu} · ${base.date}`,
      '',
      markdownTable(
        [
          'plugin',
          'export',
          'input',
          'time',
          'change',
          'mean',
          'instructions',
          'status',
          'regression',
        ],
        comparisonRows(report.comparison.cases),
      ),
    );
  }
  if (report.gate) {
    out.push('', `## Gate: ${report.gate.ok ? 'passed' : 'failed'}`);
    if (report.gate.failures.length > 0)
      out.push('', ...report.gate.failures.map((failure) => `- ${failure}`));
  }
  out.push('');
  return out.join('\n');
}

/** The compact table the README shows: throughput, overhead, JavaScript and instruction ratios. */
export function renderSummaryTable(unsafeReport: BenchReport): string {
  const report = sanitizeDeep(unsafeReport);
  const columns: Column[] = [
    'export',
    'input',
    'MB/s',
    'median',
    'mean',
    '±rme',
    'harness/raw',
    'vs JS',
    'instr/byte',
  ];
  const rows = report.plugins.flatMap((plugin) =>
    plugin.cases.map((result) => {
      const cells = caseCells(result);
      return [pluginTitle(plugin), ...columns.map((column) => cells[column])];
    }),
  );
  return markdownTable(['plugin', ...columns], rows);
}

/** The README's bench section body: where the numbers come from, links, and the compact table. */
export function renderReadmeResults(unsafeReport: BenchReport | undefined): string {
  if (!unsafeReport) return 'No published report yet: run `npm run bench:publish`.';
  const report = sanitizeDeep(unsafeReport);
  const overheads = report.plugins.flatMap((plugin) => {
    const at = overheadAt64k(plugin);
    return at ? [`${pluginTitle(plugin)} ${at}`] : [];
  });
  return [
    `Measured by \`npm run bench:publish\`: ${environmentFacts(report).join(' · ')}; ${settingsFacts(report).join(' · ')}.`,
    '',
    'Full tables: [reports/report.md](reports/report.md) · charts: [reports/report.html](reports/report.html) · data: [reports/report.json](reports/report.json).',
    '',
    renderSummaryTable(report),
    '',
    `Harness overhead at 64 KiB (median over rounds of harness mean / raw loop mean; target ≤ ${OVERHEAD_TARGET.toFixed(2)}×): ${overheads.join('; ')}.`,
  ].join('\n');
}
