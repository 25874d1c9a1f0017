import type {
  BenchReport,
  CaseResult,
  MeasuredCase,
  PluginBench,
  TimedStats,
} from '../../spec-model/bench-report-types.generated.js';
import { formatSize } from '../../util/format-size.js';
import {
  formatCount,
  formatDuration,
  formatJsComparison,
  formatPerByte,
  formatRatio,
  shortHash,
} from './format.js';

/** Every report shows the same columns from the same cells; each renderer only lays them out. */
export const COLUMNS = [
  'export',
  'input',
  'ops/s',
  'MB/s',
  'median',
  'mean',
  'p99',
  '±rme',
  'samples',
  'outliers',
  'harness/raw',
  'vs JS',
  'instr/call',
  'instr/byte',
  'pages',
] as const;
export type Column = (typeof COLUMNS)[number];

/** Target of the harness overhead (median over rounds of harness mean / raw loop mean) at 64 KiB. */
export const OVERHEAD_TARGET = 1.05;
export const OVERHEAD_SIZE = 64 * 1024;

/**
 * The headline of a timed task is its median: call latencies have a long tail (a GC pause, a
 * neighbour's burst), which moves the mean and not the median. ops/s and MB/s follow from it,
 * in the tables and on the charts alike.
 */
export const headlineOpsPerSec = (stats: Pick<TimedStats, 'p50Ms'>): number =>
  stats.p50Ms > 0 ? 1000 / stats.p50Ms : 0;
export const headlineMbPerSec = (stats: Pick<TimedStats, 'p50Ms'>, bytes: number): number =>
  stats.p50Ms > 0 ? bytes / (stats.p50Ms / 1000) / 1e6 : 0;

/** JavaScript median over the plugin's: above 1 the plugin is faster. The chart's ratio too. */
export function jsOverWasmOf(result: MeasuredCase): number | undefined {
  const js = result.js?.stats;
  return js && js.p50Ms > 0 && result.harness.p50Ms > 0
    ? js.p50Ms / result.harness.p50Ms
    : undefined;
}

/** The half-width of the median's 95% interval (the wider side), in percent of the median. */
export function medianIntervalPercent(stats: TimedStats): number | undefined {
  if (stats.p50LowMs === undefined || stats.p50HighMs === undefined || stats.p50Ms <= 0)
    return undefined;
  return (
    (100 * Math.max(stats.p50HighMs - stats.p50Ms, stats.p50Ms - stats.p50LowMs)) / stats.p50Ms
  );
}

/** Past these a row's figures are noise, not a measurement (hyperfine warns alike). */
export const NOISE_LIMITS = { rmePercent: 5, intervalPercent: 5, outlierShare: 0.02 } as const;

/** Why a measured case's timing is unreliable, or nothing when it is not. */
export function noiseProblems(result: CaseResult): string[] {
  if (result.status !== 'measured') return [];
  const { harness } = result;
  const problems: string[] = [];
  if (harness.rme > NOISE_LIMITS.rmePercent)
    problems.push(`±rme ${harness.rme.toFixed(1)}% (above ${NOISE_LIMITS.rmePercent}%)`);
  const interval = medianIntervalPercent(harness);
  if (interval !== undefined && interval > NOISE_LIMITS.intervalPercent)
    problems.push(
      `median interval ±${interval.toFixed(1)}% (above ${NOISE_LIMITS.intervalPercent}%)`,
    );
  if (harness.outliers !== undefined && harness.samples > 0) {
    const share = harness.outliers / harness.samples;
    if (share > NOISE_LIMITS.outlierShare)
      problems.push(
        `${(share * 100).toFixed(1)}% outliers (above ${NOISE_LIMITS.outlierShare * 100}%)`,
      );
  }
  return problems;
}

/** One warning per unreliable row of a plugin, to print under its table. */
export function noiseWarnings(plugin: PluginBench): string[] {
  return plugin.cases.flatMap((result) => {
    const problems = noiseProblems(result);
    return problems.length > 0
      ? [
          `\`${result.export}\` at ${formatSize(result.size)}: ${problems.join(', ')}: the timing is unreliable; re-run on a quiet machine, or with a longer --time`,
        ]
      : [];
  });
}

export function statusText(result: CaseResult): string | undefined {
  if (result.status === 'rejected') return `input rejected (code ${result.code})`;
  if (result.status === 'error') return `error (${result.message})`;
  return undefined;
}

export function caseCells(result: CaseResult): Record<Column, string> {
  const cells = Object.fromEntries(COLUMNS.map((column) => [column, ''])) as Record<Column, string>;
  cells.export = result.export;
  cells.input = formatSize(result.size);
  if (result.status !== 'measured') {
    cells['ops/s'] = statusText(result)!;
    return cells;
  }
  const { harness } = result;
  cells['ops/s'] = formatCount(headlineOpsPerSec(harness));
  cells['MB/s'] = formatCount(headlineMbPerSec(harness, result.inputBytes));
  const interval = medianIntervalPercent(harness);
  const noisy = noiseProblems(result).length > 0 ? ' ⚠' : '';
  cells.median = `${formatDuration(harness.p50Ms)}${interval !== undefined ? ` ±${interval.toFixed(1)}%` : ''}${noisy}`;
  cells.mean = formatDuration(harness.meanMs);
  cells.p99 = formatDuration(harness.p99Ms);
  cells['±rme'] = `${harness.rme.toFixed(1)}%`;
  cells.samples = formatCount(harness.samples);
  cells.outliers = harness.outliers !== undefined ? formatCount(harness.outliers) : '';
  cells['harness/raw'] = formatRatio(result.harnessOverhead);
  const jsOverWasm = jsOverWasmOf(result);
  cells['vs JS'] =
    jsOverWasm !== undefined
      ? formatJsComparison(jsOverWasm)
      : result.js && !result.js.matches
        ? 'output differs'
        : '';
  cells['instr/call'] = result.instructions ? formatCount(result.instructions.perCall) : '';
  cells['instr/byte'] = result.instructions ? formatPerByte(result.instructions.perByte) : '';
  cells.pages =
    result.memoryPages.before === result.memoryPages.after
      ? String(result.memoryPages.after)
      : `${result.memoryPages.before}→${result.memoryPages.after}`;
  return cells;
}

export function pluginTitle(plugin: PluginBench): string {
  return plugin.info ?? plugin.source;
}

/** One line of facts about a plugin: file, hash, one-off timings, baseline, counting. */
export function pluginFacts(plugin: PluginBench): string[] {
  const facts = [`${plugin.source}`, `${plugin.bytes} B`];
  if (plugin.sha256) facts.push(`sha256 ${shortHash(plugin.sha256)}`);
  const t = plugin.timings;
  if (t) {
    facts.push(
      `compile ${formatDuration(t.compileMs)}`,
      `instantiate ${formatDuration(t.instantiateMs)}`,
    );
    if (t.firstCallMs !== undefined) facts.push(`first call ${formatDuration(t.firstCallMs)}`);
  }
  facts.push(
    plugin.jsBaseline
      ? `JS baseline: ${plugin.jsBaseline.name} (${plugin.jsBaseline.rule})`
      : 'no JS baseline',
  );
  if (plugin.instructions.status !== 'counted') {
    facts.push(
      `instructions ${plugin.instructions.status}${plugin.instructions.message ? `: ${plugin.instructions.message}` : ''}`,
    );
  }
  return facts;
}

export function environmentFacts(report: BenchReport): string[] {
  const env = report.environment;
  return [
    `zenith-conform ${report.tool.version}`,
    `Zenith plugin ABI ${report.spec.version}`,
    `Node ${env.node}`,
    `V8 ${env.v8}`,
    `${env.cpu} (${env.cores} cores)`,
    `${env.platform} ${env.arch}`,
    `tinybench ${env.tinybench}`,
    ...(env.binaryen ? [`binaryen ${env.binaryen}`] : []),
    env.date,
  ];
}

export function settingsFacts(report: BenchReport): string[] {
  const s = report.settings;
  return [
    s.input
      ? `input ${s.input.path} (${s.input.bytes} bytes)`
      : `sizes ${s.sizes.map(formatSize).join(', ')}`,
    `${s.timeMs} ms per timed task (${s.warmupMs} ms warm-up)${s.quick ? ', quick' : ''}`,
    `seed ${s.seed}`,
    ...(s.exports ? [`exports ${s.exports.join(', ')}`] : []),
  ];
}

/** `process 1.02×, tokenize 0.99×` at 64 KiB, or undefined when no case has that size. */
export function overheadAt64k(plugin: PluginBench): string | undefined {
  const parts = plugin.cases.flatMap((result) =>
    result.status === 'measured' && result.size === OVERHEAD_SIZE
      ? [`\`${result.export}\` ${formatRatio(result.harnessOverhead)}`]
      : [],
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}
