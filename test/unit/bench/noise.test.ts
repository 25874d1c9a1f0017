// The bench reports' honesty about noise: the median with its interval as the headline, a
// warning on rows whose figures are noise, signed changes, the chart's ratios equal to the
// table's, and the versions of what timed and counted. Hand-made reports: no timing is run.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dependencyVersion } from '../../../src/bench/environment.js';
import { chartSeries, renderHtml } from '../../../src/bench/render/html.js';
import { renderMarkdown } from '../../../src/bench/render/markdown.js';
import { caseCells, noiseWarnings } from '../../../src/bench/render/rows.js';
import { renderBenchText } from '../../../src/bench/render/text.js';
import { countOutliers, latencyOf, medianInterval } from '../../../src/bench/stats.js';
import type {
  BenchReport,
  MeasuredCase,
  TimedStats,
} from '../../../src/spec-model/bench-report-types.generated.js';

function stats(p50Ms: number, extra: Partial<TimedStats> = {}): TimedStats {
  return {
    opsPerSec: 1000 / (p50Ms * 1.2),
    mbPerSec: 0,
    meanMs: p50Ms * 1.2,
    p50Ms,
    p50LowMs: p50Ms * 0.99,
    p50HighMs: p50Ms * 1.02,
    p99Ms: p50Ms * 3,
    minMs: p50Ms / 2,
    maxMs: p50Ms * 10,
    sdMs: p50Ms / 10,
    moeMs: p50Ms / 100,
    rme: 1,
    samples: 1000,
    outliers: 10,
    ...extra,
  };
}

function measured(size: number, harness: TimedStats, jsP50Ms?: number): MeasuredCase {
  return {
    status: 'measured',
    export: 'process',
    size,
    inputBytes: size,
    inputKind: 'bytes',
    inputSha256: 'ab'.repeat(32),
    input: `seeded bytes, ${size} bytes`,
    outputBytes: size,
    memoryPages: { before: 17, after: 17 },
    harness,
    raw: { opsPerSec: 1, mbPerSec: 1, meanMs: 1, moeMs: 0, rme: 0, samples: 10, callsPerSample: 1 },
    harnessOverhead: 1.25,
    ...(jsP50Ms !== undefined
      ? { js: { baseline: 'copy' as const, matches: true, stats: stats(jsP50Ms) } }
      : {}),
  };
}

const QUIET = measured(1000, stats(0.002), 0.001);
const NOISY = measured(64, stats(0.001, { rme: 7.25, outliers: 120 }));

function report(cases: MeasuredCase[]): BenchReport {
  return {
    tool: { name: 'zenith-conform', version: '0.0.0' },
    spec: { abi: 'zenith-plugin', version: '1.0.0' },
    environment: {
      node: 'v20',
      v8: '11',
      platform: 'linux',
      arch: 'x64',
      cpu: 'cpu',
      cores: 2,
      date: '2026-01-01T00:00:00.000Z',
      tinybench: '6.2.5',
    },
    settings: {
      sizes: [64],
      timeMs: 5,
      warmupMs: 0,
      seed: 42,
      instructions: false,
      pluginTimeoutMs: 1,
    },
    plugins: [
      {
        source: 'p.wasm',
        sha256: 'cd'.repeat(32),
        bytes: 10,
        info: 'p v1.0.0',
        status: 'ok',
        jsBaseline: null,
        instructions: { status: 'skipped' },
        cases,
      },
    ],
    summary: { plugins: 1, cases: cases.length, measured: cases.length, rejected: 0, errors: 0 },
  };
}

describe('the median as the headline', () => {
  it('shows the median with its interval, ops/s and MB/s from it, the mean kept', () => {
    const cells = caseCells(QUIET);
    expect(cells.median).toBe('2.00 µs ±2.0%');
    expect(cells.mean).toBe('2.40 µs');
    expect(cells['ops/s']).toBe('500 k'); // 1000 / 0.002 ms, not 1000 / the mean
    expect(cells['MB/s']).toBe('500'); // 1000 bytes in 2 µs
    expect(cells['vs JS']).toBe('JS 2.00× faster');
  });

  it('the interval of the median is a pair of order statistics', () => {
    const ten = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    expect(medianInterval(ten)).toEqual({ low: 1, high: 10 });
    const hundred = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(medianInterval(hundred)).toEqual({ low: 40, high: 61 });
    const latency = latencyOf([5, 1, 4, 2, 3, 3, 3, 3, 3, 100]);
    expect(latency).toMatchObject({ p50: 3, p50Low: 1, p50High: 100, outliers: 1 });
  });

  it('counts outliers by modified z-score, none when most samples are equal', () => {
    expect(countOutliers([1, 2, 3, 4, 5, 6, 7, 8, 9, 1000], 5.5)).toBe(1);
    expect(countOutliers([2, 2, 2, 2, 2], 2)).toBe(0);
    // Clock ticks with float noise: the MAD is one tick, not the noise.
    const ticks = [1.2e-4, 1.2e-4 + 1e-17, 1.2e-4 - 1e-17, 1.1e-4, 1.3e-4, 1.2e-4, 1.2e-4, 9e-4];
    expect(countOutliers(Float64Array.from(ticks).sort(), 1.2e-4)).toBe(1);
  });
});

describe('a warning on rows whose timing is noise', () => {
  it('names the rows and why, in every renderer; quiet rows get none', () => {
    expect(noiseWarnings(report([QUIET]).plugins[0]!)).toEqual([]);
    const noisy = report([QUIET, NOISY]);
    const [warning, ...more] = noiseWarnings(noisy.plugins[0]!);
    expect(more).toEqual([]);
    expect(warning).toBe(
      '`process` at 64 B: ±rme 7.3% (above 5%), 12.0% outliers (above 2%): the timing is unreliable; re-run on a quiet machine, or with a longer --time',
    );
    expect(caseCells(NOISY).median).toMatch(/ ⚠$/);
    const plain = warning!.replace(/`/g, '');
    expect(renderBenchText(noisy, false)).toContain(`⚠ ${plain}`);
    expect(renderMarkdown(noisy)).toContain(`> ⚠ ${warning}`);
    expect(renderHtml(noisy)).toContain(`<p class="warning">⚠ ${plain}</p>`);
    expect(renderBenchText(report([QUIET]), false)).not.toContain('⚠');
  });
});

describe('the HTML report', () => {
  it('keeps the sign of an increase, as the text and Markdown do', () => {
    const compared = report([QUIET]);
    compared.comparison = {
      baseline: { path: 'base.json', version: '0', node: 'v20', cpu: 'cpu', date: 'then' },
      cases: [
        {
          plugin: 'p v1.0.0',
          export: 'process',
          size: 1000,
          time: { verdict: 'slower', changePercent: 12.34, baselineMeanMs: 1, currentMeanMs: 1.12 },
          instructions: { verdict: 'not-compared' },
          regression: false,
        },
      ],
    };
    expect(renderHtml(compared)).toContain('<td>+12.3%</td>');
    expect(renderMarkdown(compared)).toContain('| +12.3% |');
  });

  it('draws the ratios the table shows: raw loop by harness/raw, JavaScript by vs JS', () => {
    const [wasm, raw, js] = chartSeries([QUIET]);
    const at = (series: typeof wasm) => series!.points[0]!.y;
    expect(at(wasm)).toBeCloseTo(500);
    expect(at(raw) / at(wasm)).toBeCloseTo(QUIET.harnessOverhead); // the table's 1.25×
    expect(at(js) / at(wasm)).toBeCloseTo(2); // the table's "JS 2.00× faster"
    const [low, high] = wasm!.points[0]!.range!;
    expect(low).toBeCloseTo(500 / 1.02);
    expect(high).toBeCloseTo(500 / 0.99);
    expect(renderHtml(report([QUIET]))).toContain('class="errorbar line wasm"');
  });

  it('draws the --baseline run beside this one, at the time its comparison table shows', () => {
    const comparison = {
      plugin: 'p v1.0.0',
      export: 'process',
      size: 1000,
      time: { verdict: 'slower' as const, baselineMeanMs: 0.004, currentMeanMs: 0.0024 },
      instructions: { verdict: 'not-compared' as const },
      regression: false,
    };
    const series = chartSeries([QUIET], [comparison]);
    const baseline = series.find((s) => s.className === 'baseline');
    // 1000 bytes in 4 µs: 250 MB/s, half the harness's 500 at its median.
    expect(baseline?.points).toEqual([{ x: 1000, y: 250 }]);
    expect(chartSeries([QUIET]).some((s) => s.className === 'baseline')).toBe(false);
  });
});

describe('the environment stamp', () => {
  it('names the installed binaryen and tinybench versions, not a range or "unknown"', () => {
    const require = createRequire(import.meta.url);
    const installed = (name: string): string => {
      const main = require.resolve(name);
      const root = main.slice(
        0,
        main.lastIndexOf(`node_modules/${name}/`) + `node_modules/${name}/`.length,
      );
      return (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { version: string })
        .version;
    };
    expect(dependencyVersion('binaryen')).toBe(installed('binaryen'));
    expect(dependencyVersion('tinybench')).toBe(installed('tinybench'));
    expect(dependencyVersion('tinybench')).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
