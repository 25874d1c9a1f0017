// The CLI as users get it: the compiled bin in dist/ (what `npx zenith-conform` runs), in a
// child process, so exit codes, stream use and colour are what a shell sees. `npm test` builds
// dist first (pretest).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionTable } from '../src/cli/options.js';
import type { ConformanceReport } from '../src/spec-model/report-types.generated.js';
import type { ZenithAbiSpec } from '../src/spec-model/abi-types.generated.js';
import { BIN, ROOT, cli } from './helpers/cli.js';
import { wat } from './helpers/wat.js';

const BIN_RELATIVE = 'dist/src/cli/main.js';
const SCRIPT = '/usr/bin/script';
const ECHO = 'reference-plugins/dist/echo.wasm';
const BROKEN = join(ROOT, 'reference-plugins', 'broken');
const NOT_WASM = join(BROKEN, 'not-wasm');

const readJson = (path: string): unknown => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const spec = readJson('spec/zenith-abi.v1.json') as ZenithAbiSpec;
const ruleIds = spec.rules.map((rule) => rule.id);
/** The rules a plugin with no contract gets: every rule but those its config would declare. */
const abiRuleIds = spec.rules.filter((rule) => !rule.declaredBy).map((rule) => rule.id);
const validateReport = new Ajv({ strict: true, allErrors: true }).compile(
  readJson('spec/report.schema.json') as object,
);

const STACK_FRAME = '    at ';
/** A quick run with a failed should rule, for output checks that need not run every rule. */
const SHOULD_FAILURE = ['--max-binary-size', '100', '--only', 'ZC-LIM-001'];
const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex

async function jsonReport(args: string[]) {
  const result = await cli(['--json', ...args]);
  const report = JSON.parse(result.stdout) as ConformanceReport;
  return { result, report };
}

/** The lines of the text report about one rule: its head line and the indented lines after it. */
function ruleSection(output: string, id: string): string {
  const lines = output.split('\n');
  const start = lines.findIndex((line) => line.includes(` ${id} `));
  if (start === -1) return '';
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => !line.startsWith('        '));
  return [lines[start], ...rest.slice(0, end === -1 ? undefined : end)].join('\n');
}

let scratch: string;
let missingProcess: string;

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} does not exist: run npm run build`);
  scratch = await mkdtemp(join(tmpdir(), 'zenith-cli-'));
  missingProcess = join(scratch, 'missing-process.wasm');
  await writeFile(missingProcess, wat(readFileSync(join(BROKEN, 'missing-process.wat'), 'utf8')));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('zenith-conform on the echo reference plugin', () => {
  it('exits 0 and lists every rule in the spec', async () => {
    const result = await cli([ECHO]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    for (const id of abiRuleIds) expect(result.stdout).toContain(id);
    expect(result.stdout).toMatch(/PASS/);
  });

  it('prints a --json report that validates against spec/report.schema.json', async () => {
    const { result, report } = await jsonReport([ECHO]);
    expect(result.exitCode, result.stderr).toBe(0);
    const valid = validateReport(report);
    expect(validateReport.errors ?? [], JSON.stringify(validateReport.errors)).toEqual([]);
    expect(valid).toBe(true);
    expect(report.plugins).toHaveLength(1);
    expect(report.plugins[0]?.verdict).toBe('pass');
    expect(report.plugins[0]?.results.map((r) => r.rule)).toEqual(abiRuleIds);
    expect(report.summary.ok).toBe(true);
  });

  it('--only runs the rule and the rules it depends on, and no others', async () => {
    const { result, report } = await jsonReport(['--only', 'ZC-INFO-003', ECHO]);
    expect(result.exitCode, result.stderr).toBe(0);
    const wanted = new Set([
      'ZC-INFO-003',
      'ZC-INFO-002',
      'ZC-INFO-001',
      'ZC-LIFE-001',
      'ZC-MOD-001',
      'ZC-MOD-002',
      'ZC-MEM-001',
      'ZC-MEM-005',
    ]);
    expect(report.plugins[0]?.results.map((r) => r.rule)).toEqual(
      ruleIds.filter((id) => wanted.has(id)),
    );
    expect(report.settings.only).toEqual(['ZC-INFO-003']);
  });

  it('a limit flag tightens a should rule: ZC-LIM-001 fails, the exit code stays 0', async () => {
    const { result, report } = await jsonReport(['--max-binary-size', '100', ECHO]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(report.settings.limits['maxBinaryBytes']).toBe(100);
    const plugin = report.plugins[0]!;
    const lim = plugin.results.find((r) => r.rule === 'ZC-LIM-001');
    expect(lim).toMatchObject({ status: 'fail', level: 'should' });
    expect(plugin.verdict).toBe('pass');
    expect(plugin.counts.shouldFailed).toBe(1);

    const text = await cli([...SHOULD_FAILURE, ECHO]);
    expect(text.exitCode).toBe(0);
    expect(ruleSection(text.stdout, 'ZC-LIM-001')).toMatch(/expected:[\s\S]*found:/);
  });
});

describe('zenith-conform on broken input', () => {
  it('a plugin missing `process` exits 1 and says what was expected and found', async () => {
    const result = await cli([missingProcess]);
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toBe('');
    const section = ruleSection(result.stdout, 'ZC-EXP-001');
    expect(section).toMatch(/expected:/);
    expect(section).toMatch(/found:/);
    expect(section).toContain('process');
    expect(result.stdout).toMatch(/FAIL/);
  });

  it('several plugins in one run: a section each, exit 1 when one fails', async () => {
    const result = await cli([ECHO, missingProcess]);
    expect(result.exitCode, result.stderr).toBe(1);
    const heads = result.stdout.split('\n').filter((line) => /^\S/.test(line));
    expect(heads.some((line) => line.startsWith(ECHO))).toBe(true);
    expect(heads.some((line) => line.startsWith(missingProcess))).toBe(true);
    expect(result.stdout).toMatch(/PASS/);
    expect(result.stdout).toMatch(/FAIL/);
    expect(result.stdout).toMatch(/2 plugins: 1 passed, 1 failed/);
  });

  // Each file must be named for what it is, so a plugin author sees "this is a JPEG" rather
  // than only the engine's CompileError. A new file in not-wasm/ needs a row here.
  const NOT_WASM_NAMES: Record<string, RegExp> = {
    'empty.wasm': /empty/,
    'photo.jpg.wasm': /JPEG/,
    'random-bytes.wasm': /expected 00 61 73 6d/,
    'text-format.wasm': /WebAssembly text/,
    'truncated-echo.wasm': /truncated/,
  };

  it('every file in reference-plugins/broken/not-wasm has an expectation here', () => {
    expect(readdirSync(NOT_WASM).sort()).toEqual(Object.keys(NOT_WASM_NAMES).sort());
  });

  it.each(Object.entries(NOT_WASM_NAMES))(
    'not-wasm/%s exits 1, names what the file is, and prints no stack trace',
    async (name, what) => {
      const result = await cli([join(NOT_WASM, name)]);
      expect(result.exitCode, result.stderr).toBe(1);
      expect(result.stderr).toBe('');
      expect(result.stdout).not.toContain(STACK_FRAME);
      expect(ruleSection(result.stdout, 'ZC-MOD-001')).toMatch(what);
    },
  );

  it('a directory exits 2 with a one-line reason', async () => {
    const result = await cli(['reference-plugins']);
    expect(result.exitCode).toBe(2);
    const output = result.stdout + result.stderr;
    expect(output).not.toContain(STACK_FRAME);
    expect(output.split('\n').filter((line) => line.includes('directory'))).toEqual([
      expect.stringMatching(/reference-plugins is a directory/),
    ]);
  });

  it('a path that does not exist exits 2', async () => {
    const result = await cli(['no/such/plugin.wasm']);
    expect(result.exitCode).toBe(2);
    const output = result.stdout + result.stderr;
    expect(output).not.toContain(STACK_FRAME);
    expect(output).toMatch(/no\/such\/plugin\.wasm: no such file/);
  });
});

describe('zenith-conform usage', () => {
  it.each([
    ['an unknown option', ['--bogus', ECHO], /--bogus/],
    ['an unknown rule in --only', ['--only', 'ZC-NOPE-999', ECHO], /ZC-NOPE-999/],
    ['a limit that is not a number', ['--timeout', 'soon', ECHO], /--timeout/],
    ['no plugin', [], /no plugin given/],
  ])('%s exits 2 with one line on stderr', async (_what, args, message) => {
    const result = await cli(args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toContain(STACK_FRAME);
  });

  it('--list-rules prints every rule id and exits 0', async () => {
    const result = await cli(['--list-rules']);
    expect(result.exitCode, result.stderr).toBe(0);
    const listed = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split(/\s+/)[0]);
    expect(listed).toEqual(ruleIds);
  });

  it('--help exits 0 and documents every option', async () => {
    const result = await cli(['--help']);
    expect(result.exitCode, result.stderr).toBe(0);
    for (const option of optionTable()) {
      expect(result.stdout).toContain(`--${option.name}`);
      if (option.short) expect(result.stdout).toContain(`-${option.short}, --${option.name}`);
    }
  });

  it('--version prints the package version', async () => {
    const result = await cli(['--version']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.trim()).toBe((readJson('package.json') as { version: string }).version);
  });

  // util-linux's `script` gives the bin a real TTY, which proves colour is on by default there,
  // so the checks without one below are not passing for lack of any colour at all.
  it.skipIf(!existsSync(SCRIPT))('colours a TTY, unless NO_COLOR=1 or --no-color', async () => {
    const tty = (flags: string, env: Record<string, string> = {}) =>
      execa(
        SCRIPT,
        [
          '-qec',
          `'${process.execPath}' ${BIN_RELATIVE} ${flags} ${SHOULD_FAILURE.join(' ')} ${ECHO}`,
          '/dev/null',
        ],
        {
          cwd: ROOT,
          env: { NO_COLOR: '', FORCE_COLOR: '', ...env },
          reject: false,
        },
      );
    const plain = await tty('');
    expect(plain.exitCode, plain.stdout).toBe(0);
    expect(plain.stdout).toMatch(ANSI);
    expect((await tty('', { NO_COLOR: '1' })).stdout).not.toMatch(ANSI);
    expect((await tty('--no-color')).stdout).not.toMatch(ANSI);
  });

  it.each([
    ['NO_COLOR=1', { NO_COLOR: '1' }],
    ['output not a TTY', {}],
  ])('prints no ANSI escape codes with %s', async (_what, env) => {
    // A must failure, a should failure and plain text: every colour the renderer uses.
    const runs = [[missingProcess], [ECHO, ...SHOULD_FAILURE], ['--help']];
    for (const args of runs) {
      const result = await cli(args, env);
      expect(result.stdout + result.stderr).not.toMatch(ANSI);
    }
  });
});
