import { Bench } from 'tinybench';
import { describeTrap } from '../host/traps.js';
import type { LatencyStatistics } from './stats.js';

/** Says what a throw out of a timed call was (a trap, or the host stopping it). */
export type DescribeThrow = (error: unknown) => string;

export interface TimingSettings {
  /** Time budget per timed task, in milliseconds. */
  timeMs: number;
  /** Warm-up budget before it (V8 tiers hot wasm functions up from Liftoff to TurboFan). */
  warmupMs: number;
}

export type Timed<T> = { ok: true; value: T } | { ok: false; message: string };

/** Fewest timed calls per task: a slow call still gets a mean with a margin of error. */
const MIN_SAMPLES = 10;

/**
 * One tinybench task, run synchronously (no microtask between samples), one sample per call.
 * With `retainSamples`, the latencies come back too, for pooling over rounds.
 */
export function timeTask(
  name: string,
  fn: () => unknown,
  settings: TimingSettings,
  retainSamples = false,
  describeThrow: DescribeThrow = describeTrap,
  minSamples = MIN_SAMPLES,
): Timed<LatencyStatistics & { samples?: ArrayLike<number> | undefined }> {
  const bench = new Bench({
    time: settings.timeMs,
    warmup: settings.warmupMs > 0,
    warmupTime: settings.warmupMs,
    warmupIterations: 4,
    iterations: minSamples,
    throws: false,
    retainSamples,
  });
  bench.add(name, fn);
  bench.runSync();
  const result = bench.tasks[0]!.result;
  if (result.state === 'completed') return { ok: true, value: result.latency };
  if (result.state === 'errored') return { ok: false, message: describeThrow(result.error) };
  return { ok: false, message: `tinybench ended the task as ${result.state}` };
}

/** A batch lasts at least this long, so the clock's own cost vanishes in it. */
const BATCH_MS = 1;

/**
 * The raw baseline: a bare loop of calls, timed per batch with performance.now. Each sample is
 * a batch's mean time per call, so no per-call timer cost is in it.
 */
export function timeRawLoop(
  call: () => unknown,
  settings: TimingSettings,
  describeThrow: DescribeThrow = describeTrap,
  minSamples = MIN_SAMPLES,
): Timed<{ samples: number[]; callsPerSample: number }> {
  try {
    const warmEnd = performance.now() + settings.warmupMs;
    do call();
    while (performance.now() < warmEnd);
    let batch = 1;
    for (;;) {
      const began = performance.now();
      for (let i = 0; i < batch; i++) call();
      if (performance.now() - began >= BATCH_MS || batch >= 1 << 24) break;
      batch *= 2;
    }
    const samples: number[] = [];
    const end = performance.now() + settings.timeMs;
    while (samples.length < minSamples || performance.now() < end) {
      const began = performance.now();
      for (let i = 0; i < batch; i++) call();
      samples.push((performance.now() - began) / batch);
    }
    return { ok: true, value: { samples, callsPerSample: batch } };
  } catch (error) {
    return { ok: false, message: describeThrow(error) };
  }
}

/**
 * Rounds of raw loop and harness, alternating, so that drift (CPU frequency, V8 tiering up, a
 * neighbour's load) falls on both alike. Each side's samples are pooled over the rounds; the
 * harness overhead is the median of the rounds' harness/raw ratios, so that one disturbed
 * round does not decide it. The fewest samples hold for the pool, not each round: a call that
 * takes 200 ms (a 1 GiB input) is timed 10 times a side, not 50.
 */
export const ROUNDS = 5;

export interface Alternated {
  raw: number[];
  harness: number[];
  callsPerSample: number;
  /** harness mean / raw mean within each round. */
  roundRatios: number[];
}

const mean = (values: ArrayLike<number>): number => {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length > 0 ? sum / values.length : 0;
};

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function timeAlternating(
  name: string,
  call: () => number,
  timing: TimingSettings,
  describeThrow: DescribeThrow = describeTrap,
): Alternated | string {
  const raw: number[] = [];
  const harness: number[] = [];
  const roundRatios: number[] = [];
  let callsPerSample = 1;
  const perRound = Math.ceil(MIN_SAMPLES / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const budget = { timeMs: timing.timeMs / ROUNDS, warmupMs: round === 0 ? timing.warmupMs : 0 };
    const rawRound = timeRawLoop(call, budget, describeThrow, perRound);
    if (!rawRound.ok) return `stopped during the raw loop: ${rawRound.message}`;
    raw.push(...rawRound.value.samples);
    callsPerSample = Math.max(callsPerSample, rawRound.value.callsPerSample);
    const harnessRound = timeTask(name, call, budget, true, describeThrow, perRound);
    if (!harnessRound.ok) return `stopped during the timed calls: ${harnessRound.message}`;
    const samples = harnessRound.value.samples ?? [];
    for (let i = 0; i < samples.length; i++) harness.push(samples[i]!);
    const rawMean = mean(rawRound.value.samples);
    if (rawMean > 0) roundRatios.push(mean(samples) / rawMean);
  }
  return { raw, harness, callsPerSample, roundRatios };
}
