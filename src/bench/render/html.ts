import { pluginKey } from '../compare.js';
import type {
  BenchReport,
  CaseComparison,
  MeasuredCase,
  PluginBench,
} from '../../spec-model/bench-report-types.generated.js';
import { formatSize } from '../../util/format-size.js';
import { sanitizeDeep } from '../../util/sanitize.js';
import { formatChange, formatDuration } from './format.js';
import {
  COLUMNS,
  OVERHEAD_TARGET,
  caseCells,
  environmentFacts,
  headlineMbPerSec,
  jsOverWasmOf,
  noiseWarnings,
  overheadAt64k,
  pluginFacts,
  pluginTitle,
  settingsFacts,
} from './rows.js';
import { escapeHtml, throughputChart, type ChartSeries } from './svg-chart.js';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1f2937; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-bottom: 1px solid #e5e7eb; }
.facts { color: #4b5563; } code { font-size: 0.9em; }
table { border-collapse: collapse; margin: 1rem 0; font-size: 13px; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e5e7eb; text-align: right; white-space: nowrap; }
th:nth-child(-n+2), td:nth-child(-n+2) { text-align: left; }
td.status { text-align: left; color: #b45309; white-space: normal; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; }
figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 0.25rem; }
.chart .plot { fill: #f9fafb; stroke: #d1d5db; } .chart .grid { stroke: #e5e7eb; }
.chart .tick, .chart .legend, .chart .axis { font-size: 11px; fill: #4b5563; }
.chart .line { fill: none; stroke-width: 2; }
.chart .wasm { stroke: #2563eb; } .chart .raw { stroke: #9ca3af; stroke-dasharray: 4 3; } .chart .js { stroke: #d97706; }
.chart circle.wasm { fill: #2563eb; } .chart circle.raw { fill: #9ca3af; stroke-dasharray: none; } .chart circle.js { fill: #d97706; }
.chart .baseline { stroke: #6b7280; stroke-dasharray: 1 3; } .chart circle.baseline { fill: #fff; stroke-dasharray: none; }
.error { color: #b91c1c; } .warning { color: #b45309; }
.chart .errorbar { stroke-width: 1.5; }
`;

/**
 * The series of one export's chart: the harness (wasm), the raw loop, and JavaScript when it
 * matched. Each is drawn from the figures the table shows, so the chart's ratios are the
 * table's: the harness at its median MB/s (with the median's interval as an error bar), the
 * raw loop at that times harness/raw, JavaScript at the harness times the "vs JS" ratio.
 */
export function chartSeries(
  cases: readonly MeasuredCase[],
  baseline: readonly CaseComparison[] = [],
): ChartSeries[] {
  const wasm = (c: MeasuredCase): number => headlineMbPerSec(c.harness, c.inputBytes);
  const series: ChartSeries[] = [
    {
      name: 'wasm (harness)',
      className: 'wasm',
      points: cases.map((c) => {
        const { p50LowMs: low, p50HighMs: high } = c.harness;
        return {
          x: c.size,
          y: wasm(c),
          ...(low !== undefined && high !== undefined
            ? {
                range: [
                  headlineMbPerSec({ p50Ms: high }, c.inputBytes),
                  headlineMbPerSec({ p50Ms: low }, c.inputBytes),
                ] as const,
              }
            : {}),
        };
      }),
    },
    {
      name: 'wasm (raw loop)',
      className: 'raw',
      points: cases.map((c) => ({ x: c.size, y: wasm(c) * c.harnessOverhead })),
    },
  ];
  const js = cases.flatMap((c) => {
    const ratio = jsOverWasmOf(c);
    return ratio !== undefined ? [{ x: c.size, y: wasm(c) / ratio }] : [];
  });
  if (js.length > 0) series.push({ name: 'JavaScript', className: 'js', points: js });
  // The --baseline run, at the mean time its comparison table shows (what the regression
  // verdict is computed from), over the same input bytes as this run's case.
  const before = cases.flatMap((c) => {
    const match = baseline.find((b) => b.export === c.export && b.size === c.size);
    const ms = match?.time.baselineMeanMs;
    return ms !== undefined && ms > 0
      ? [{ x: c.size, y: headlineMbPerSec({ p50Ms: ms }, c.inputBytes) }]
      : [];
  });
  if (before.length > 0) {
    series.push({ name: 'baseline (mean)', className: 'baseline', points: before });
  }
  return series;
}

function pluginSection(plugin: PluginBench, comparison: readonly CaseComparison[]): string {
  const out: string[] = [`<section><h2>${escapeHtml(pluginTitle(plugin))}</h2>`];
  out.push(
    `<p class="facts">${pluginFacts(plugin)
      .map((fact, i) => (i === 0 ? `<code>${escapeHtml(fact)}</code>` : escapeHtml(fact)))
      .join(' · ')}</p>`,
  );
  if (plugin.error) out.push(`<p class="error">error: ${escapeHtml(plugin.error)}</p>`);
  const exports = [...new Set(plugin.cases.map((c) => c.export))];
  const charts = exports.flatMap((name) => {
    const measured = plugin.cases.filter(
      (c): c is MeasuredCase => c.export === name && c.status === 'measured',
    );
    if (measured.length === 0) return [];
    const label = `${pluginTitle(plugin)} ${name}: throughput against input size`;
    const svg = throughputChart(
      { 'data-plugin': pluginTitle(plugin), 'data-export': name },
      label,
      chartSeries(
        measured,
        comparison.filter((c) => c.plugin === pluginKey(plugin) && c.export === name),
      ),
    );
    return [`<figure><figcaption><code>${escapeHtml(name)}</code></figcaption>${svg}</figure>`];
  });
  if (charts.length > 0) out.push(`<div class="charts">${charts.join('')}</div>`);
  if (plugin.cases.length > 0) {
    const head = `<tr>${COLUMNS.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>`;
    const rows = plugin.cases.map((result) => {
      const cells = caseCells(result);
      if (result.status !== 'measured') {
        return `<tr><td>${escapeHtml(cells.export)}</td><td>${escapeHtml(cells.input)}</td><td class="status" colspan="${COLUMNS.length - 2}">${escapeHtml(cells['ops/s'])}</td></tr>`;
      }
      return `<tr>${COLUMNS.map((column) => `<td>${escapeHtml(cells[column])}</td>`).join('')}</tr>`;
    });
    out.push(`<table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`);
  }
  const overhead = overheadAt64k(plugin);
  if (overhead) {
    out.push(
      `<p>Harness overhead at 64 KiB (median over rounds of harness mean / raw loop mean): ${escapeHtml(overhead.replace(/`/g, ''))}; target ≤ ${OVERHEAD_TARGET.toFixed(2)}×.</p>`,
    );
  }
  for (const warning of noiseWarnings(plugin))
    out.push(`<p class="warning">⚠ ${escapeHtml(warning.replace(/`/g, ''))}</p>`);
  out.push('</section>');
  return out.join('\n');
}

function comparisonSection(cases: readonly CaseComparison[]): string {
  const headers = ['plugin', 'export', 'input', 'time', 'change', 'mean', 'instructions', 'status'];
  const rows = cases.map((c) =>
    [
      c.plugin,
      c.export,
      formatSize(c.size),
      c.time.verdict,
      c.time.changePercent !== undefined ? formatChange(c.time.changePercent) : '',
      c.time.baselineMeanMs !== undefined && c.time.currentMeanMs !== undefined
        ? `${formatDuration(c.time.baselineMeanMs)} → ${formatDuration(c.time.currentMeanMs)}`
        : '',
      c.instructions.verdict,
      `${c.status ?? ''}${c.regression ? ' (regression)' : ''}`,
    ]
      .map((cell) => `<td>${escapeHtml(cell)}</td>`)
      .join(''),
  );
  return `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row}</tr>`).join('')}</tbody></table>`;
}

/** report.html: one self-contained page, inline CSS and SVG only, nothing fetched. */
export function renderHtml(unsafeReport: BenchReport): string {
  const report = sanitizeDeep(unsafeReport);
  const body: string[] = [
    '<h1>zenith-conform bench</h1>',
    `<p class="facts">${escapeHtml(environmentFacts(report).join(' · '))}</p>`,
    `<p class="facts">${escapeHtml(settingsFacts(report).join(' · '))}</p>`,
    ...report.plugins.map((plugin) => pluginSection(plugin, report.comparison?.cases ?? [])),
  ];
  if (report.comparison) {
    body.push(
      `<section><h2>Compared with ${escapeHtml(report.comparison.baseline.path)}</h2>${comparisonSection(report.comparison.cases)}</section>`,
    );
  }
  if (report.gate) {
    const items = report.gate.failures.map((failure) => `<li>${escapeHtml(failure)}</li>`).join('');
    body.push(
      `<section><h2>Gate: ${report.gate.ok ? 'passed' : 'failed'}</h2>${items ? `<ul>${items}</ul>` : ''}</section>`,
    );
  }
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>zenith-conform bench · ${escapeHtml(report.environment.date)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
