// The regression gate's logic on synthetic statistics: a verdict comes from the two runs'
// confidence intervals, never from the means alone, and instruction counts compare exactly.

import { describe, expect, it } from 'vitest';
import { compareReports, compareTimes, slowerBeyond } from '../src/bench/compare.js';
import { evaluateGate } from '../src/bench/regression-gate.js';
import type {
  BenchReport,
  CaseResult,
  MeasuredCase,
  PluginBench,
} from '../src/spec-model/bench-report-types.generated.js';
import { tCritical95 } from '../src/bench/stats.js';

describe('compareTimes', () => {
  it.each([
    // baseline mean ± moe, current mean ± moe, verdict
    [
      'slower: intervals disjoint, current above',
      { meanMs: 1, moeMs: 0.01 },
      { meanMs: 1.2, moeMs: 0.01 },
      'slower',
    ],
    [
      'faster: intervals disjoint, current below',
      { meanMs: 1, moeMs: 0.01 },
      { meanMs: 0.8, moeMs: 0.01 },
      'faster',
    ],
    [
      'inconclusive: means differ by 20% but the intervals overlap',
      { meanMs: 1, moeMs: 0.15 },
      { meanMs: 1.2, moeMs: 0.1 },
      'inconclusive',
    ],
    [
      'inconclusive: the same mean',
      { meanMs: 1, moeMs: 0.01 },
      { meanMs: 1, moeMs: 0.01 },
      'inconclusive',
    ],
    [
      'inconclusive: a baseline interval reaching zero cannot show faster',
      { meanMs: 1, moeMs: 1.5 },
      { meanMs: 0.1, moeMs: 0.01 },
      'inconclusive',
    ],
  ] as const)('%s', (_name, baseline, current, verdict) => {
    expect(compareTimes(baseline, current).verdict).toBe(verdict);
  });

  it('bounds the ratio by the intervals and reports the change of the means', () => {
    const result = compareTimes({ meanMs: 1, moeMs: 0.1 }, { meanMs: 1.5, moeMs: 0.1 });
    expect(result.changePercent).toBeCloseTo(50);
    expect(result.ratioLow).toBeCloseTo(1.4 / 1.1);
    expect(result.ratioHigh).toBeCloseTo(1.6 / 0.9);
  });

  it('fails the threshold only when even the most favourable ratio passes it', () => {
    // 30% slower by the means, but only ~18% slower for certain.
    const result = compareTimes({ meanMs: 1, moeMs: 0.05 }, { meanMs: 1.3, moeMs: 0.06 });
    expect(result.verdict).toBe('slower');
    expect(slowerBeyond(result, 10)).toBe(true);
    expect(slowerBeyond(result, 20)).toBe(false);
    expect(
      slowerBeyond(compareTimes({ meanMs: 1, moeMs: 0.01 }, { meanMs: 0.5, moeMs: 0.01 }), 0),
    ).toBe(false);
  });
});

describe('tCritical95', () => {
  it('follows the t table and approaches the normal quantile', () => {
    expect(tCritical95(1)).toBeCloseTo(12.706, 3);
    expect(tCritical95(30)).toBeCloseTo(2.042, 3);
    expect(tCritical95(60)).toBeCloseTo(2.0003, 2);
    expect(tCritical95(1e6)).toBeCloseTo(1.96, 3);
  });
});

const stats = (meanMs: number, moeMs: number) => ({
  opsPerSec: 1000 / meanMs,
  mbPerSec: 1,
  meanMs,
  p50Ms: meanMs,
  p99Ms: meanMs,
  minMs: meanMs,
  maxMs: meanMs,
  sdMs: moeMs,
  moeMs,
  rme: (100 * moeMs) / meanMs,
  samples: 100,
});

function measured(
  size: number,
  meanMs: number,
  moeMs: number,
  perCall: number,
  inputSha256 = 'same',
): MeasuredCase {
  return {
    status: 'measured',
    export: 'process',
    size,
    inputBytes: size,
    inputKind: 'bytes',
    inputSha256,
    input: `${size} bytes`,
    outputBytes: size,
    memoryPages: { before: 2, after: 2 },
    harness: stats(meanMs, moeMs),
    raw: { ...stats(meanMs, moeMs), callsPerSample: 1 },
    harnessOverhead: 1,
    instructions: { perCall, perByte: perCall / size },
  };
}

function report(cases: CaseResult[], info = 'echo v1.0.0'): BenchReport {
  const plugin: PluginBench = {
    source: 'echo.wasm',
    sha256: 'x',
    bytes: 1,
    info,
    status: 'ok',
    jsBaseline: null,
    instructions: { status: 'counted' },
    cases,
  };
  return {
    tool: { name: 'zenith-conform', version: '0.1.0' },
    spec: { abi: 'zenith-plugin', version: '1.0.0' },
    environment: {
      node: 'v20',
      v8: '11',
      platform: 'linux',
      arch: 'x64',
      cpu: 'cpu',
      cores: 2,
      date: 'now',
      tinybench: '6.2.5',
    },
    settings: {
      sizes: [64],
      timeMs: 1,
      warmupMs: 1,
      seed: 42,
      instructions: true,
      pluginTimeoutMs: 1000,
    },
    plugins: [plugin],
    summary: { plugins: 1, cases: cases.length, measured: cases.length, rejected: 0, errors: 0 },
  };
}

describe('compareReports and the gate', () => {
  const baseline = report([
    measured(64, 1, 0.01, 100),
    measured(1024, 1, 0.01, 1000),
    measured(65536, 1, 0.01, 5000),
    measured(1048576, 1, 0.01, 9000),
  ]);

  it('gives each case a verdict and flags regressions: slower with confidence, more instructions, lost', () => {
    const current = report([
      measured(64, 1.5, 0.01, 100), // 50% slower, same instructions
      measured(1024, 1, 0.01, 1001), // one more instruction
      measured(65536, 0.5, 0.01, 4000), // faster and fewer
      {
        status: 'rejected',
        export: 'process',
        size: 1048576,
        inputBytes: 1048576,
        inputKind: 'bytes',
        inputSha256: 'same',
        input: '',
        code: -1,
        message: 'rejected',
      },
    ]);
    const cases = compareReports(baseline, current, 10);
    const at = (size: number) => cases.find((c) => c.size === size)!;
    expect(at(64)).toMatchObject({
      plugin: 'echo',
      time: { verdict: 'slower' },
      instructions: { verdict: 'same' },
      regression: true,
    });
    expect(at(1024)).toMatchObject({
      time: { verdict: 'inconclusive' },
      instructions: { verdict: 'more', baseline: 1000, current: 1001 },
      regression: true,
    });
    expect(at(65536)).toMatchObject({
      time: { verdict: 'faster' },
      instructions: { verdict: 'fewer' },
      regression: false,
    });
    expect(at(1048576)).toMatchObject({ status: 'measured -> rejected', regression: true });

    const gate = evaluateGate(current, cases, { failOnRegressionPercent: 10 })!;
    expect(gate.ok).toBe(false);
    expect(gate.failures).toHaveLength(3);
    expect(gate.failures.join('\n')).toMatch(/echo `process` at 64 B: 50\.0% slower/);
    expect(gate.failures.join('\n')).toMatch(/1001 instructions per call, up from 1000/);
  });

  it('does not fail a slowdown within the threshold, or one the intervals cannot show', () => {
    const current = report([
      measured(64, 1.05, 0.01, 100),
      measured(1024, 1.3, 0.4, 1000),
      measured(65536, 1, 0.01, 5000),
      measured(1048576, 1, 0.01, 9000),
    ]);
    const cases = compareReports(baseline, current, 10);
    expect(cases.find((c) => c.size === 64)!.time.verdict).toBe('slower');
    expect(cases.find((c) => c.size === 1024)!.time.verdict).toBe('inconclusive');
    expect(evaluateGate(current, cases, { failOnRegressionPercent: 10 })).toEqual({
      ok: true,
      failOnRegressionPercent: 10,
      failures: [],
    });
  });

  it('does not compare cases whose inputs differ, and matches plugins by plugin_info name', () => {
    const current = report([measured(64, 2, 0.01, 200, 'other input')], 'echo v2.0.0');
    const cases = compareReports(baseline, current, 0);
    expect(cases.find((c) => c.size === 64)).toMatchObject({
      plugin: 'echo',
      status: 'input changed',
      regression: false,
      time: { verdict: 'not-compared' },
    });
    expect(cases.filter((c) => c.status === 'missing')).toHaveLength(3);
  });

  it('gates instructions per byte, and fails a case that could not be counted', () => {
    const { instructions: _uncounted, ...uncounted } = measured(1024, 1, 0.01, 0);
    const current = report([measured(64, 1, 0.01, 640), uncounted]);
    const gate = evaluateGate(current, undefined, { maxInstructionsPerByte: 5 })!;
    expect(gate.failures).toEqual([
      'echo `process` at 64 B: 10.00 instructions per byte, above 5',
      'echo `process` at 1 KiB: instructions could not be counted (--max-instructions-per-byte)',
    ]);
    expect(evaluateGate(current, undefined, {})).toBeUndefined();
  });
});
