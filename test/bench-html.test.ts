// report.html in a real browser: Debian's headless Chromium loads the file, and every chart
// must have drawn each of its data points inside its plot. Where Chromium is missing this
// says so and skips; with CI set (where .ci/run installs it) a missing Chromium fails.

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBench } from '../src/bench/run-bench.js';
import type { BenchReport } from '../src/spec-model/bench-report-types.generated.js';
import { writeReports } from '../src/bench/write-reports.js';

const ROOT = join(import.meta.dirname, '..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) {
  console.warn(
    `bench-html: ${CHROMIUM} not found, so report.html is not checked in a browser (apt-get install chromium; .ci/run does)`,
  );
}

/** The flags these machines need: no sandbox as root, and no background connections to a
 * network that refuses them. */
const FLAGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe.skipIf(!available && !process.env['CI'])('report.html in headless Chromium', () => {
  let scratch: string;
  let browser: Browser;
  let report: BenchReport;
  let html: string;

  beforeAll(async () => {
    if (!available)
      throw new Error(`CI is set but ${CHROMIUM} is missing: .ci/run should install chromium`);
    scratch = await mkdtemp(join(tmpdir(), 'zenith-bench-html-'));
    const dist = join(ROOT, 'reference-plugins', 'dist');
    report = await runBench(
      ['echo.wasm', 'tokenizer.wasm', 'resize.wasm'].map((name) => join(dist, name)),
      { sizes: [64, 1024, 4096], timeMs: 5, warmupMs: 1, instructions: false },
    );
    await writeReports(report, scratch);
    html = join(scratch, 'report.html');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('draws every data point of every chart inside its plot, fetching nothing', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) fetched.push(request.url());
    });
    await page.goto(pathToFileURL(html).href);
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const plot = svg.querySelector('rect.plot')!.getBoundingClientRect();
        const points = Array.from(svg.querySelectorAll('circle.point')).map((circle) => {
          const r = circle.getBoundingClientRect();
          return {
            series: circle.getAttribute('data-series'),
            size: Number(circle.getAttribute('data-size')),
            drawn: r.width > 0 && r.height > 0,
            inside:
              r.left + r.width / 2 >= plot.left - 0.5 &&
              r.right - r.width / 2 <= plot.right + 0.5 &&
              r.top + r.height / 2 >= plot.top - 0.5 &&
              r.bottom - r.height / 2 <= plot.bottom + 0.5,
          };
        });
        return {
          plugin: svg.getAttribute('data-plugin'),
          export: svg.getAttribute('data-export'),
          declared: Number(svg.getAttribute('data-points')),
          visible: box.width > 0 && box.height > 0,
          lines: svg.querySelectorAll('polyline.line').length,
          points,
        };
      }),
    );
    expect(fetched).toEqual([]);

    // What the report says each chart must show: a harness and a raw point per measured case,
    // and a JavaScript point where the baseline was timed.
    const expected = report.plugins.flatMap((plugin) =>
      [...new Set(plugin.cases.map((c) => c.export))].map((name) => {
        const measured = plugin.cases.filter((c) => c.export === name && c.status === 'measured');
        const js = measured.filter((c) => c.status === 'measured' && c.js?.stats).length;
        return { plugin: plugin.info, export: name, points: measured.length * 2 + js };
      }),
    );
    expect(
      charts.map((c) => ({ plugin: c.plugin, export: c.export, points: c.points.length })),
    ).toEqual(expected);
    for (const chart of charts) {
      const label = `${chart.plugin} ${chart.export}`;
      expect(chart.visible, label).toBe(true);
      expect(chart.declared, label).toBe(chart.points.length);
      expect(
        chart.points.filter((p) => !p.drawn),
        `${label}: points not drawn`,
      ).toEqual([]);
      expect(
        chart.points.filter((p) => !p.inside),
        `${label}: points outside the plot`,
      ).toEqual([]);
      expect(new Set(chart.points.map((p) => p.size)), label).toEqual(new Set([64, 1024, 4096]));
      expect(chart.lines, label).toBeGreaterThanOrEqual(2);
    }
    await page.close();
  });
});
