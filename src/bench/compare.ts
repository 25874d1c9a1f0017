import { basename } from 'node:path';
import { SpecIndex } from '../spec-model/spec-index.js';
import { loadSpec } from '../spec-model/load-spec.js';
import { pluginNameOf } from './plugin-name.js';
import type {
  BenchReport,
  CaseComparison,
  CaseResult,
  PluginBench,
  TimeVerdict,
} from '../spec-model/bench-report-types.generated.js';

/** A mean and the half-width of its 95% confidence interval, in any time unit. */
export interface Estimate {
  meanMs: number;
  moeMs: number;
}

export interface TimeComparison {
  verdict: Exclude<TimeVerdict, 'not-compared'>;
  changePercent: number;
  /** Lowest current/baseline ratio both intervals allow. */
  ratioLow: number;
  /** Highest ratio both intervals allow; null when the baseline interval reaches zero. */
  ratioHigh: number | null;
}

/**
 * Compares two timings by their confidence intervals, not their means: slower when the
 * current interval lies wholly above the baseline's, faster when wholly below, inconclusive
 * when they overlap. Two disjoint 95% intervals are a conservative test (about 99.5%).
 */
export function compareTimes(baseline: Estimate, current: Estimate): TimeComparison {
  const baseLow = baseline.meanMs - baseline.moeMs;
  const baseHigh = baseline.meanMs + baseline.moeMs;
  const ratioLow = baseHigh > 0 ? Math.max(0, current.meanMs - current.moeMs) / baseHigh : 0;
  const ratioHigh = baseLow > 0 ? (current.meanMs + current.moeMs) / baseLow : null;
  const verdict =
    ratioLow > 1 ? 'slower' : ratioHigh !== null && ratioHigh < 1 ? 'faster' : 'inconclusive';
  const changePercent = baseline.meanMs > 0 ? (current.meanMs / baseline.meanMs - 1) * 100 : 0;
  return { verdict, changePercent, ratioLow, ratioHigh };
}

/** Slower beyond the threshold with confidence: even the most favourable ratio exceeds it. */
export function slowerBeyond(comparison: TimeComparison, percent: number): boolean {
  return comparison.verdict === 'slower' && comparison.ratioLow > 1 + percent / 100;
}

const spec = (): SpecIndex => new SpecIndex(loadSpec());

/** Plugins match by their plugin_info name across runs (file hashes change with every build). */
export function pluginKey(plugin: PluginBench, index: SpecIndex = spec()): string {
  return pluginNameOf(index, plugin.info) ?? basename(plugin.source);
}

const caseKey = (result: CaseResult): string => `${result.export}@${result.size}`;

/**
 * Every case of either run, compared: time by confidence intervals, instructions exactly.
 * A case is a regression when it is slower than `percent` beyond the baseline with
 * confidence, executes more instructions, or was measured in the baseline and is not now.
 */
export function compareReports(
  baseline: BenchReport,
  current: BenchReport,
  percent = 0,
): CaseComparison[] {
  const index = spec();
  const byPlugin = (report: BenchReport): Map<string, Map<string, CaseResult>> =>
    new Map(
      report.plugins.map((plugin) => [
        pluginKey(plugin, index),
        new Map(plugin.cases.map((result) => [caseKey(result), result])),
      ]),
    );
  const before = byPlugin(baseline);
  const after = byPlugin(current);
  const comparisons: CaseComparison[] = [];
  for (const plugin of new Set([...after.keys(), ...before.keys()])) {
    const oldCases = before.get(plugin) ?? new Map<string, CaseResult>();
    const newCases = after.get(plugin) ?? new Map<string, CaseResult>();
    for (const key of new Set([...newCases.keys(), ...oldCases.keys()])) {
      const old = oldCases.get(key);
      const now = newCases.get(key);
      const sample = (now ?? old)!;
      comparisons.push({
        plugin,
        export: sample.export,
        size: sample.size,
        ...compareCase(old, now, percent),
      });
    }
  }
  return comparisons;
}

function compareCase(
  old: CaseResult | undefined,
  now: CaseResult | undefined,
  percent: number,
): Pick<CaseComparison, 'time' | 'instructions' | 'status' | 'regression'> {
  const notCompared = {
    time: { verdict: 'not-compared' as const },
    instructions: { verdict: 'not-compared' as const },
  };
  if (old?.status !== 'measured' || now?.status !== 'measured') {
    const status = !old ? 'new' : !now ? 'missing' : `${old.status} -> ${now.status}`;
    return { ...notCompared, status, regression: old?.status === 'measured' };
  }
  if (old.inputSha256 !== now.inputSha256) {
    return { ...notCompared, status: 'input changed', regression: false };
  }
  const time = compareTimes(old.harness, now.harness);
  const instructions =
    old.instructions && now.instructions
      ? {
          verdict:
            now.instructions.perCall > old.instructions.perCall
              ? ('more' as const)
              : now.instructions.perCall < old.instructions.perCall
                ? ('fewer' as const)
                : ('same' as const),
          baseline: old.instructions.perCall,
          current: now.instructions.perCall,
        }
      : { verdict: 'not-compared' as const };
  return {
    time: {
      verdict: time.verdict,
      baselineMeanMs: old.harness.meanMs,
      currentMeanMs: now.harness.meanMs,
      changePercent: time.changePercent,
      ratioLow: time.ratioLow,
      ratioHigh: time.ratioHigh,
    },
    instructions,
    regression: slowerBeyond(time, percent) || instructions.verdict === 'more',
  };
}
