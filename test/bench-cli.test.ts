// `zenith-conform bench` as users run it: the compiled bin in a child process, so exit codes and
// streams are what a shell sees. Timing figures are never asserted, only behaviour.

import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchReport, MeasuredCase } from '../src/spec-model/bench-report-types.generated.js';
import { renderBenchHelp } from '../src/cli/options.js';
import { wat } from './helpers/wat.js';
import { watPlugin } from './helpers/wat-plugin.js';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist/src/cli/main.js');
const ECHO = 'reference-plugins/dist/echo.wasm';
const TOKENIZER = 'reference-plugins/dist/tokenizer.wasm';
const QUICK = ['--time', '20', '--warmup', '5'];
const validate = new Ajv({ strict: true, allErrors: true }).compile(
  JSON.parse(readFileSync(join(ROOT, 'spec', 'bench-report.schema.json'), 'utf8')) as object,
);

function bench(args: string[]) {
  return execa(process.execPath, [BIN, 'bench', ...args], {
    cwd: ROOT,
    env: { NO_COLOR: '1' },
    reject: false,
  });
}

let scratch: string;
let rejects: string;
let traps: string;
let grows: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'zenith-bench-cli-'));
  const process = (body: string) =>
    `(func (export "process") (param i32 i32 i32 i32) (result i32) ${body})`;
  rejects = join(scratch, 'rejects.wasm');
  traps = join(scratch, 'traps.wasm');
  await writeFile(rejects, wat(watPlugin({ exports: { process: process('(i32.const -1)') } })));
  await writeFile(traps, wat(watPlugin({ exports: { process: process('(unreachable)') } })));
  // Grows its memory to 66 pages (4.1 MiB) on its first call, then returns 0 without output.
  grows = join(scratch, 'grows.wasm');
  const grow =
    '(if (i32.lt_u (memory.size) (i32.const 66)) (then (drop (memory.grow (i32.const 64))))) (i32.store (local.get 3) (i32.const 0)) (i32.const 0)';
  await writeFile(grows, wat(watPlugin({ exports: { process: process(grow) } })));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('zenith-conform bench: usage', () => {
  it('prints its own help, generated from its option table', async () => {
    const result = await bench(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(renderBenchHelp().trimEnd());
  });

  it.each([
    [[], /no plugin given/],
    [['--frobnicate', ECHO], /unknown option --frobnicate \(see zenith-conform bench --help\)/],
    [['--sizes', '64,lots', ECHO], /--sizes expects sizes like 64,1k,64k,1m.*"lots"/],
    [['--time', 'soon', ECHO], /--time must be a positive integer, got "soon"/],
    [['--export', 'alloc', ECHO], /--export alloc: not an export the bench can call/],
    [['--fail-on-regression', '5', ECHO], /--fail-on-regression needs --baseline/],
    [['--baseline', 'package.json', ECHO], /is not a zenith-conform bench report/],
    [['reference-plugins/dist/missing.wasm'], /missing\.wasm: no such file/],
    [['--max-input-size', '0', ECHO], /--max-input-size must be a positive integer, got 0/],
  ])('exits 2 for %j', async (args, message) => {
    const result = await bench([...QUICK, ...args]);
    expect(result.exitCode, result.stdout + result.stderr).toBe(2);
    expect(result.stderr + result.stdout).toMatch(message);
  });

  // Refused before anything runs: one line naming the limit and the option that raises it, so
  // a huge size never turns into a plugin that looks hung. The limit is lowered, not the input
  // made huge.
  it.each([
    [
      ['--sizes', '64,2m'],
      "--sizes 2m: 2097152 bytes is above the input size limit maxInputBytes (1048576 bytes, the spec's default): raise it with --max-input-size 2m",
    ],
    [
      ['--sizes', '4k', '--max-input-size', '1k'],
      '--sizes 4k: 4096 bytes is above the input size limit maxInputBytes (1024 bytes, as given): raise it with --max-input-size 4k',
    ],
    [
      ['--max-input-size', '512k'],
      'the default size 1m: 1048576 bytes is above the input size limit maxInputBytes (524288 bytes, as given): raise it with --max-input-size 1m or pass --sizes',
    ],
  ])('refuses a size above the input limit up front: %j', async (args, line) => {
    const result = await bench([...QUICK, ...args, ECHO]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`zenith-conform bench: ${line}`);
  });

  it('refuses an --input file above the input limit up front', async () => {
    const big = join(scratch, 'big.bin');
    await writeFile(big, new Uint8Array(2048));
    const result = await bench([...QUICK, '--input', big, '--max-input-size', '1k', ECHO]);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `zenith-conform bench: --input ${big}: 2048 bytes is above the input size limit maxInputBytes (1024 bytes, as given): raise it with --max-input-size 2k`,
    );
  });
});

describe('zenith-conform bench: runs', () => {
  let out: string;
  let report: BenchReport;

  beforeAll(async () => {
    out = join(scratch, 'out');
    const result = await bench([...QUICK, '--sizes', '64,64k', '--out', out, ECHO]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /harness overhead at 64 KiB: process \d+\.\d\d× \(target ≤ 1\.05×\)/,
    );
    expect(result.stdout).toContain(`wrote ${join(out, 'report.json')}`);
    report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as BenchReport;
  });

  it('writes the three reports, the JSON valid against the schema', async () => {
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.plugins[0]!.cases.map((c) => [c.size, c.status])).toEqual([
      [64, 'measured'],
      [65536, 'measured'],
    ]);
    expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('## echo v1.0.0');
    expect(await readFile(join(out, 'report.html'), 'utf8')).toContain('<svg class="chart"');
  });

  it('measures a size above the default input limit once --max-input-size raises it', async () => {
    const result = await bench([
      ...QUICK,
      '--sizes',
      '2m',
      '--max-input-size',
      '2m',
      '--no-instructions',
      '--json',
      ECHO,
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as BenchReport;
    expect(json.settings).toMatchObject({ maxInputBytes: 2 ** 21, sizes: [2 ** 21] });
    expect(json.plugins[0]!.cases.map((c) => [c.size, c.status])).toEqual([[2 ** 21, 'measured']]);
  });

  it('--quick times two sizes briefly, counting instructions as a full run does', async () => {
    const result = await bench(['--quick', '--json', ECHO]);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as BenchReport;
    expect(json.settings).toMatchObject({
      quick: true,
      sizes: [1024, 65536],
      timeMs: 100,
      warmupMs: 20,
      instructions: true,
    });
    const cases = json.plugins[0]!.cases as MeasuredCase[];
    expect(cases.map((c) => [c.size, c.status])).toEqual([
      [1024, 'measured'],
      [65536, 'measured'],
    ]);
    // The same count as the full run's at the same size: counts do not depend on the timing.
    const full = report.plugins[0]!.cases as MeasuredCase[];
    expect(cases[1]!.instructions).toEqual(full[1]!.instructions);
    const given = await bench(['--quick', '--sizes', '64', '--time', '7', '--json', ECHO]);
    expect(JSON.parse(given.stdout) as BenchReport).toMatchObject({
      settings: { quick: true, sizes: [64], timeMs: 7, warmupMs: 20 },
    });
  });

  it('enforces --max-memory inside the module, and records it', async () => {
    const args = [...QUICK, '--sizes', '64', '--no-instructions', '--json', grows];
    const within = JSON.parse((await bench(args)).stdout) as BenchReport;
    expect(within.settings.maxMemoryBytes).toBe(256 * 2 ** 20);
    expect(within.plugins[0]!.cases.map((c) => c.status)).toEqual(['measured']);
    const past = await bench([...args, '--max-memory', '2m']);
    expect(past.exitCode).toBe(1);
    const report = JSON.parse(past.stdout) as BenchReport;
    expect(report.settings.maxMemoryBytes).toBe(2 ** 21);
    expect(report.plugins[0]!.cases).toEqual([
      expect.objectContaining({
        status: 'error',
        message: expect.stringMatching(/past the 32-page limit/),
      }),
    ]);
  });

  it('reports an input the plugin rejects as rejected and exits 0', async () => {
    const result = await bench([...QUICK, '--sizes', '64', rejects]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/process\s+64 B\s+input rejected \(code -1\)/);
  });

  it('reports a trap as an error and exits 1', async () => {
    const result = await bench([...QUICK, '--sizes', '64', '--no-instructions', traps]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/error \(trapped: trap: unreachable/);
  });

  it('gates on instructions per byte', async () => {
    const over = await bench([
      ...QUICK,
      '--sizes',
      '64',
      '--max-instructions-per-byte',
      '0.5',
      ECHO,
    ]);
    expect(over.exitCode).toBe(1);
    expect(over.stdout).toMatch(/gate failed: 1 problem/);
    expect(over.stdout).toMatch(
      /echo `process` at 64 B: \d+\.\d\d instructions per byte, above 0\.5/,
    );
    const under = await bench([
      ...QUICK,
      '--sizes',
      '64',
      '--max-instructions-per-byte',
      '1000',
      ECHO,
    ]);
    expect(under.exitCode).toBe(0);
    expect(under.stdout).toContain('gate passed');
  });

  it('gates on a baseline: more instructions fail, the same run does not', async () => {
    const fewer = structuredClone(report);
    for (const result of fewer.plugins[0]!.cases as MeasuredCase[])
      result.instructions!.perCall -= 1;
    const fewerPath = join(scratch, 'fewer.json');
    await writeFile(fewerPath, JSON.stringify(fewer));
    const args = [...QUICK, '--sizes', '64,64k', '--fail-on-regression', '1000', ECHO];
    const regressed = await bench(['--baseline', fewerPath, ...args]);
    expect(regressed.exitCode, regressed.stdout).toBe(1);
    expect(regressed.stdout).toMatch(
      /echo `process` at 64 B: \d+ instructions per call, up from \d+/,
    );
    const same = await bench(['--baseline', join(out, 'report.json'), ...args]);
    expect(same.exitCode, same.stdout).toBe(0);
    expect(same.stdout).toMatch(/echo process 64 B: (faster|slower|inconclusive) [+-]\d/);
  });

  it("benches the user's own input file with --input", async () => {
    const text = join(scratch, 'words.txt');
    await writeFile(text, 'the quick brown fox jumps over the lazy dog\n'.repeat(20));
    const result = await bench([
      ...QUICK,
      '--no-instructions',
      '--input',
      text,
      '--json',
      TOKENIZER,
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as BenchReport;
    expect(json.settings.input).toEqual({ path: text, bytes: 880 });
    expect(json.plugins[0]!.cases.map((c) => [c.export, c.size, c.status, c.inputKind])).toEqual([
      ['process', 880, 'measured', 'file'],
      ['tokenize', 880, 'measured', 'file'],
    ]);
  });

  it('counts the same instructions on every run', async () => {
    const run = async () => {
      const result = await bench([...QUICK, '--sizes', '64,1k', '--json', TOKENIZER]);
      const json = JSON.parse(result.stdout) as BenchReport;
      return json.plugins[0]!.cases.map((c) => [
        c.export,
        c.size,
        (c as MeasuredCase).instructions?.perCall,
      ]);
    };
    const first = await run();
    expect(first).toHaveLength(4);
    expect(first.every(([, , count]) => typeof count === 'number' && count > 0)).toBe(true);
    expect(await run()).toEqual(first);
  });
});
