import type {
  BenchReport,
  CaseResult,
  PluginBench,
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
  'mean',
  'p50',
  'p99',
  '±rme',
  'samples',
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
  cells['ops/s'] = formatCount(harness.opsPerSec);
  cells['MB/s'] = formatCount(harness.mbPerSec);
  cells.mean = formatDuration(harness.meanMs);
  cells.p50 = formatDuration(harness.p50Ms);
  cells.p99 = formatDuration(harness.p99Ms);
  cells['±rme'] = `${harness.rme.toFixed(1)}%`;
  cells.samples = formatCount(harness.samples);
  cells['harness/raw'] = formatRatio(result.harnessOverhead);
  cells['vs JS'] =
    result.jsOverWasm !== undefined
      ? formatJsComparison(result.jsOverWasm)
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
