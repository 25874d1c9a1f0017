import { createColors } from 'picocolors';
import type { BenchReport, PluginBench } from '../../spec-model/bench-report-types.generated.js';
import { formatSize } from '../../util/format-size.js';
import { formatChange } from './format.js';
import { sanitizeDeep, sanitizeText } from '../../util/sanitize.js';
import {
  OVERHEAD_TARGET,
  caseCells,
  environmentFacts,
  noiseWarnings,
  overheadAt64k,
  pluginFacts,
  settingsFacts,
  type Column,
} from './rows.js';

type Colors = ReturnType<typeof createColors>;

const TEXT_COLUMNS: Column[] = [
  'export',
  'input',
  'ops/s',
  'MB/s',
  'median',
  'mean',
  '±rme',
  'harness/raw',
  'vs JS',
  'instr/byte',
  'pages',
];
const LEFT = new Set<Column>(['export', 'input', 'vs JS']);

function pluginText(plugin: PluginBench, c: Colors): string[] {
  const lines = [`${c.bold(plugin.source)}  (${plugin.info ?? 'no plugin_info'})`];
  lines.push(`  ${c.dim(pluginFacts(plugin).slice(1).join(' · '))}`);
  if (plugin.error) lines.push(`  ${c.red(`error: ${plugin.error}`)}`);
  const rows = plugin.cases.map((result) => caseCells(result));
  if (rows.length > 0) {
    // A rejected or failed case's status runs past the columns: it does not widen them.
    const widths = TEXT_COLUMNS.map((column) =>
      Math.max(
        column.length,
        ...rows.map((cells, i) =>
          plugin.cases[i]!.status === 'measured' || column === 'export' || column === 'input'
            ? cells[column].length
            : 0,
        ),
      ),
    );
    const pad = (text: string, i: number): string =>
      LEFT.has(TEXT_COLUMNS[i]!) ? text.padEnd(widths[i]!) : text.padStart(widths[i]!);
    lines.push(`  ${c.dim(TEXT_COLUMNS.map(pad).join('  '))}`);
    plugin.cases.forEach((result, index) => {
      const cells = rows[index]!;
      if (result.status === 'measured') {
        lines.push(
          `  ${TEXT_COLUMNS.map((column, i) => pad(cells[column], i))
            .join('  ')
            .trimEnd()}`,
        );
      } else {
        const status = cells['ops/s'];
        const head = `${pad(cells.export, 0)}  ${pad(cells.input, 1)}  `;
        lines.push(`  ${head}${result.status === 'rejected' ? c.yellow(status) : c.red(status)}`);
      }
    });
  }
  const overhead = overheadAt64k(plugin);
  if (overhead) {
    lines.push(
      `  harness overhead at 64 KiB: ${overhead.replace(/`/g, '')} (target ≤ ${OVERHEAD_TARGET.toFixed(2)}×)`,
    );
  }
  for (const warning of noiseWarnings(plugin))
    lines.push(`  ${c.yellow(`⚠ ${warning.replace(/`/g, '')}`)}`);
  return lines;
}

/** What `zenith-conform bench` prints: a table per plugin, the comparison, the gate, a summary. */
export function renderBenchText(
  unsafeReport: BenchReport,
  color: boolean,
  written?: string[],
): string {
  // Plugin-controlled text (plugin_info, file names, error messages) is shown escaped.
  const report = sanitizeDeep(unsafeReport);
  const c = createColors(color);
  const lines = [
    c.dim(environmentFacts(report).join(' · ')),
    c.dim(settingsFacts(report).join(' · ')),
    '',
  ];
  for (const plugin of report.plugins) lines.push(...pluginText(plugin, c), '');
  if (report.comparison) {
    lines.push(
      `compared with ${report.comparison.baseline.path} (${report.comparison.baseline.date}, ${report.comparison.baseline.cpu}):`,
    );
    for (const cmp of report.comparison.cases) {
      const change =
        cmp.time.changePercent !== undefined ? ` ${formatChange(cmp.time.changePercent)}` : '';
      const instr =
        cmp.instructions.verdict === 'not-compared'
          ? ''
          : `, instructions ${cmp.instructions.verdict}`;
      const verdict =
        cmp.time.verdict === 'slower'
          ? c.red(cmp.time.verdict)
          : cmp.time.verdict === 'faster'
            ? c.green(cmp.time.verdict)
            : cmp.time.verdict;
      lines.push(
        `  ${cmp.plugin} ${cmp.export} ${formatSize(cmp.size)}: ${verdict}${change}${instr}${cmp.status ? ` (${cmp.status})` : ''}${cmp.regression ? c.red(' regression') : ''}`,
      );
    }
    lines.push('');
  }
  if (report.gate) {
    lines.push(
      report.gate.ok
        ? c.green('gate passed')
        : c.red(`gate failed: ${report.gate.failures.length} problem(s)`),
    );
    for (const failure of report.gate.failures) lines.push(`  ${failure}`);
    lines.push('');
  }
  const s = report.summary;
  const summary = `${s.plugins} plugin(s), ${s.cases} case(s): ${s.measured} measured, ${s.rejected} rejected, ${s.errors} error(s)`;
  lines.push(s.errors > 0 ? c.red(summary) : summary);
  if (written && written.length > 0) lines.push(`wrote ${sanitizeText(written.join(', '))}`);
  return `${lines.join('\n')}\n`;
}
