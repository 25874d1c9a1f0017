// runBench end to end on real plugins and small broken ones: the report follows its schema,
// a rejected input is reported as rejected and never timed, a trap or a hang is an error
// verdict, and the Markdown and HTML reports hold every case.

import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBench } from '../src/bench/run-bench.js';
import type { BenchReport, MeasuredCase } from '../src/spec-model/bench-report-types.generated.js';
import { writeReports } from '../src/bench/write-reports.js';
import { wat } from './helpers/wat.js';
import { watPlugin } from './helpers/wat-plugin.js';

const ROOT = join(import.meta.dirname, '..');
const DIST = join(ROOT, 'reference-plugins', 'dist');
const validate = new Ajv({ strict: true, allErrors: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'spec', 'bench-report.schema.json'), 'utf8')) as object,
);
const QUICK = { sizes: [64, 1024], timeMs: 10, warmupMs: 2 };

const process = (body: string): string =>
  `(func (export "process") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32) ${body})`;
const FIXTURES = {
  'rejects.wasm': watPlugin({ exports: { process: process('(i32.const -1)') } }),
  'traps.wasm': watPlugin({ exports: { process: process('(unreachable)') } }),
  // Succeeds three times, then traps: the trap comes in the timed loop, not the first call.
  'traps-later.wasm': watPlugin({
    extra: '(global $calls (mut i32) (i32.const 0))',
    exports: {
      process: process(`
        (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
        (if (i32.gt_u (global.get $calls) (i32.const 3)) (then (unreachable)))
        (i32.store (local.get $cell) (i32.const 0))
        (i32.const 0)`),
    },
  }),
  // Grows memory by 16 MiB on every call: the timed loop must stop it at the memory limit.
  'leaks.wasm': watPlugin({
    exports: {
      process: process(`
        (drop (memory.grow (i32.const 256)))
        (i32.store (local.get $cell) (i32.const 0))
        (i32.const 0)`),
    },
  }),
  'hangs.wasm': watPlugin({
    exports: { process: process('(loop $forever (br $forever)) (i32.const 0)') },
  }),
};

let scratch: string;
const fixture = (name: keyof typeof FIXTURES): string => join(scratch, name);
let report: BenchReport;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'zenith-bench-'));
  for (const [name, text] of Object.entries(FIXTURES))
    await writeFile(join(scratch, name), wat(text));
  report = await runBench(
    [
      join(DIST, 'echo.wasm'),
      join(DIST, 'tokenizer.wasm'),
      join(DIST, 'resize.wasm'),
      fixture('rejects.wasm'),
      fixture('traps.wasm'),
      fixture('traps-later.wasm'),
      fixture('leaks.wasm'),
    ],
    QUICK,
  );
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const plugin = (file: string) => report.plugins.find((p) => p.source.endsWith(file))!;

describe('runBench', () => {
  it('writes a report that validates against spec/bench-report.schema.json', () => {
    expect(validate(report), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(report.environment.node).toBe(globalThis.process.version);
    expect(report.environment.v8).toBe(globalThis.process.versions.v8);
    expect(report.environment.cpu).not.toBe('');
  });

  it('benches every export the spec describes at every size, with valid inputs for each', () => {
    const cases = (file: string) =>
      plugin(file).cases.map((c) => `${c.export}@${c.size}:${c.status}:${c.inputKind}`);
    expect(cases('echo.wasm')).toEqual([
      'process@64:measured:bytes',
      'process@1024:measured:bytes',
    ]);
    expect(cases('tokenizer.wasm')).toEqual([
      'process@64:measured:text',
      'process@1024:measured:text',
      'tokenize@64:measured:text',
      'tokenize@1024:measured:text',
    ]);
    expect(cases('resize.wasm')).toEqual([
      'process@64:measured:header+payload',
      'process@1024:measured:header+payload',
      'resize_image@64:measured:pixels+params',
      'resize_image@1024:measured:pixels+params',
    ]);
    for (const p of ['echo.wasm', 'tokenizer.wasm', 'resize.wasm']) {
      expect(plugin(p).status).toBe('ok');
      expect(plugin(p).timings?.firstCallMs).toBeGreaterThan(0);
    }
  });

  it('measures each case against the raw loop and the JavaScript baseline, with instruction counts', () => {
    for (const p of ['echo.wasm', 'tokenizer.wasm', 'resize.wasm']) {
      expect(plugin(p).jsBaseline).not.toBeNull();
      for (const result of plugin(p).cases as MeasuredCase[]) {
        expect(result.harness.samples).toBeGreaterThan(0);
        expect(result.raw.samples).toBeGreaterThan(0);
        expect(result.harnessOverhead).toBeGreaterThan(0);
        expect(result.js?.matches, `${p} ${result.export} ${result.size}: ${result.js?.note}`).toBe(
          true,
        );
        expect(result.jsOverWasm).toBeGreaterThan(0);
        expect(result.instructions?.perCall).toBeGreaterThan(0);
        expect(result.memoryPages.after).toBeGreaterThanOrEqual(result.memoryPages.before);
      }
    }
    expect(plugin('echo.wasm').jsBaseline).toEqual({
      name: 'copy',
      rule: 'plugin_info name `echo`',
    });
    expect(plugin('resize.wasm').jsBaseline?.name).toBe('resize');
  });

  it('reports a plugin that rejects the input as rejected, with the code, and does not time it', () => {
    const rejects = plugin('rejects.wasm');
    expect(rejects.status).toBe('ok');
    expect(rejects.cases.map((c) => c.status)).toEqual(['rejected', 'rejected']);
    expect(rejects.cases[0]).toMatchObject({
      code: -1,
      message: expect.stringContaining('-1 (InvalidInput)'),
    });
    expect(rejects.cases[0]).not.toHaveProperty('harness');
  });

  it('reports traps as case errors, on the first call or during the timed calls, and goes on', () => {
    const traps = plugin('traps.wasm').cases;
    expect(traps.map((c) => c.status)).toEqual(['error', 'error']);
    expect(traps[0]).toMatchObject({
      message: expect.stringMatching(/^trapped: trap: unreachable/),
    });
    const later = plugin('traps-later.wasm').cases;
    expect(later.map((c) => c.status)).toEqual(['error', 'error']);
    expect(later[0]).toMatchObject({
      message: expect.stringMatching(/^stopped during the raw loop: trap: unreachable/),
    });
    expect(report.summary).toMatchObject({ errors: 6, rejected: 2 });
  });

  it('stops a plugin whose memory grows past the limit in the timed loop', () => {
    const leaks = plugin('leaks.wasm').cases;
    expect(leaks.map((c) => c.status)).toEqual(['error', 'error']);
    expect(leaks[0]).toMatchObject({
      message: expect.stringMatching(
        /asked memory\.grow for \d+ more pages with \d+ in use: past the 4096-page limit/,
      ),
    });
  });

  it('stops a plugin that hangs at its deadline and reports an error verdict', async () => {
    const hung = await runBench([fixture('hangs.wasm')], {
      ...QUICK,
      pluginTimeoutMs: 4000,
      instructions: false,
    });
    expect(validate(hung), JSON.stringify(validate.errors)).toBe(true);
    const [result] = hung.plugins;
    expect(result).toMatchObject({
      status: 'error',
      error: expect.stringContaining(
        'did not finish within 4000 ms of its own time (--plugin-timeout): stopped while running `process` on 64 B of input',
      ),
      info: 'wat-echo v1.2.3',
    });
    expect(result!.cases).toEqual([
      expect.objectContaining({
        status: 'error',
        export: 'process',
        size: 64,
        message: expect.stringContaining('still running'),
      }),
    ]);
  });

  it('writes report.json, report.md and report.html with every plugin and case', async () => {
    const dir = join(scratch, 'out');
    const written = await writeReports(report, dir);
    expect(written.map((path) => path.slice(dir.length + 1))).toEqual([
      'report.json',
      'report.md',
      'report.html',
    ]);
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toEqual(report);
    const md = await readFile(join(dir, 'report.md'), 'utf8');
    expect(md).toContain('| export | input | ops/s | MB/s |');
    expect(md).toContain('## tokenizer v1.0.0');
    expect(md).toContain('input rejected (code -1)');
    expect(md).toContain(`Node ${globalThis.process.version}`);
    expect(md).toContain(`sha256 ${plugin('echo.wasm').sha256.slice(0, 12)}`);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    // Self-contained: nothing to fetch.
    expect(html).not.toMatch(/<script|<link|<img|url\(|@import|src=/i);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(5); // echo 1, tokenizer 2, resize 2
  });
});
