import type { RawStats, TimedStats } from '../spec-model/bench-report-types.generated.js';

/** The subset of tinybench's Statistics the report keeps (latency, in milliseconds). */
export interface LatencyStatistics {
  mean: number;
  p50: number;
  /** The 95% interval of the median, when computed from the samples (not tinybench's own). */
  p50Low?: number;
  p50High?: number;
  /** Samples with a modified z-score above OUTLIER_Z. */
  outliers?: number;
  p99: number;
  min: number;
  max: number;
  sd: number;
  moe: number;
  rme: number;
  samplesCount: number;
}

const megabytesPerSecond = (bytes: number, meanMs: number): number =>
  meanMs > 0 ? bytes / (meanMs / 1000) / 1e6 : 0;

export function timedStats(latency: LatencyStatistics, inputBytes: number): TimedStats {
  return {
    opsPerSec: latency.mean > 0 ? 1000 / latency.mean : 0,
    mbPerSec: megabytesPerSecond(inputBytes, latency.mean),
    meanMs: latency.mean,
    p50Ms: latency.p50,
    ...(latency.p50Low !== undefined && latency.p50High !== undefined
      ? { p50LowMs: latency.p50Low, p50HighMs: latency.p50High }
      : {}),
    p99Ms: latency.p99,
    minMs: latency.min,
    maxMs: latency.max,
    sdMs: latency.sd,
    moeMs: latency.moe,
    rme: Number.isFinite(latency.rme) ? latency.rme : 0,
    samples: latency.samplesCount,
    ...(latency.outliers !== undefined ? { outliers: latency.outliers } : {}),
  };
}

/** Statistics of the raw loop's batch means (ms per call). */
export function rawStats(
  samples: readonly number[],
  callsPerSample: number,
  inputBytes: number,
): RawStats {
  const n = samples.length;
  const mean = samples.reduce((sum, value) => sum + value, 0) / n;
  const variance =
    n > 1 ? samples.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (n - 1) : 0;
  const moe = n > 1 ? tCritical95(n - 1) * Math.sqrt(variance / n) : 0;
  const sorted = Float64Array.from(samples).sort();
  return {
    opsPerSec: mean > 0 ? 1000 / mean : 0,
    mbPerSec: megabytesPerSecond(inputBytes, mean),
    meanMs: mean,
    p50Ms: quantileOf(sorted, 0.5),
    moeMs: moe,
    rme: mean > 0 ? (100 * moe) / mean : 0,
    samples: n,
    callsPerSample,
  };
}

/** Latency statistics of pooled samples (ms), computed as tinybench does (linear percentiles). */
export function latencyOf(samples: ArrayLike<number>): LatencyStatistics {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (sorted[i]! - mean) ** 2;
  const sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
  const moe = n > 1 ? tCritical95(n - 1) * (sd / Math.sqrt(n)) : 0;
  const quantile = (q: number): number => quantileOf(sorted, q);
  const p50 = quantile(0.5);
  const interval = medianInterval(sorted);
  return {
    mean,
    p50,
    p50Low: interval.low,
    p50High: interval.high,
    outliers: countOutliers(sorted, p50),
    p99: quantile(0.99),
    min: sorted[0]!,
    max: sorted[n - 1]!,
    sd,
    moe,
    rme: mean > 0 ? (100 * moe) / mean : 0,
    samplesCount: n,
  };
}

/** A quantile of sorted samples, interpolated linearly (as tinybench does). */
function quantileOf(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const at = (n - 1) * q;
  const low = Math.floor(at);
  const high = Math.min(n - 1, low + 1);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/**
 * The distribution-free 95% confidence interval of the median: the order statistics of ranks
 * (n - 1.96 sqrt n) / 2 and 1 + (n + 1.96 sqrt n) / 2, which assume nothing of the latency
 * distribution (skewed, with a long tail, as call latencies are).
 */
export function medianInterval(sorted: ArrayLike<number>): { low: number; high: number } {
  const n = sorted.length;
  const spread = 1.959964 * Math.sqrt(n);
  const low = Math.max(1, Math.floor((n - spread) / 2));
  const high = Math.min(n, Math.ceil(1 + (n + spread) / 2));
  return { low: sorted[low - 1]!, high: sorted[high - 1]! };
}

/**
 * Modified z-score above which a sample is an outlier: hyperfine's threshold, not Iglewicz and
 * Hoaglin's 3.5, since call latencies are skewed (3.5 flags a third of a quiet 120 ns call).
 */
export const OUTLIER_Z = 14;

/** Two clock readings closer than this (1 ps) differ only by floating-point noise. */
const SAME_READING_MS = 1e-9;

/**
 * Samples whose modified z-score, 0.6745 (x - median) / MAD, is above OUTLIER_Z. A fast call's
 * samples are a few ticks of the clock (110, 120, 130 ns), so the MAD is taken as at least
 * one tick: otherwise float noise between equal readings makes a tiny MAD and half the
 * samples outliers.
 */
export function countOutliers(sorted: ArrayLike<number>, median: number): number {
  const deviations = Float64Array.from(sorted, (value) => Math.abs(value - median)).sort();
  let tick = Infinity;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap > SAME_READING_MS && gap < tick) tick = gap;
  }
  if (tick === Infinity) return 0; // every sample the same reading
  const mad = Math.max(quantileOf(deviations, 0.5), tick);
  let count = 0;
  for (let i = 0; i < deviations.length; i++) {
    if ((0.6745 * deviations[i]!) / mad > OUTLIER_Z) count++;
  }
  return count;
}

/** Two-sided 95% critical values of Student's t for 1..30 degrees of freedom. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/** Beyond 30 degrees of freedom, the first terms of the Cornish-Fisher expansion (error < 0.002). */
export function tCritical95(df: number): number {
  if (df < 1) return T95[0]!;
  if (df <= 30) return T95[Math.floor(df) - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}
