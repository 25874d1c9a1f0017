// Every failure of the tool itself is one line on stderr and exit 2, never a stack trace; the
// CLI conventions (colour, -V, suggestions, plugin arguments, output paths) of both commands.
// Runs the built bin (npm run build first), as a shell would.

import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optionTable } from '../src/cli/options.js';
import type { BenchReport } from '../src/spec-model/bench-report-types.generated.js';
import type { ConformanceReport } from '../src/spec-model/report-types.generated.js';
import { BIN, ROOT, cli } from './helpers/cli.js';

const ECHO = 'reference-plugins/dist/echo.wasm';
const STACK_FRAME = '    at ';
const ANSI = /\x1b\[/; // eslint-disable-line no-control-regex
const QUICK_BENCH = ['--time', '5', '--warmup', '0', '--sizes', '64', '--no-instructions'];
const VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

let scratch: string;
const at = (name: string): string => join(scratch, name);

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} does not exist: run npm run build`);
  scratch = await mkdtemp(join(tmpdir(), 'zenith-hardening-'));
  const files: Record<string, string> = {
    'not-json.json': '{"expectedFailures": [',
    'null.json': 'null',
    'array.json': '[]',
    'empty.json': '{}',
    'not-array.json': '{"expectedFailures": {"rule": "ZC-INFO-002"}}',
    'null-entry.json': '{"expectedFailures": [null]}',
    'no-reason.json': '{"expectedFailures": [{"rule": "ZC-INFO-002"}]}',
    'blank-reason.json': '{"expectedFailures": [{"rule": "ZC-INFO-002", "reason": " "}]}',
    'unknown-rule.json': '{"expectedFailures": [{"rule": "ZC-NOPE-001", "reason": "x"}]}',
    'unknown-field.json':
      '{"expectedFailures": [{"rule": "ZC-INFO-002", "reason": "x", "plugn": "a"}]}',
    'a-file': '',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(at(name), text);
  mkdirSync(at('empty-dir'));
  mkdirSync(at('plugins/sub'), { recursive: true });
  const echo = readFileSync(join(ROOT, ECHO));
  for (const name of ['b.wasm', 'a.wasm', 'sub/c.wasm']) writeFileSync(at(`plugins/${name}`), echo);
  writeFileSync(at('plugins/notes.txt'), 'not a plugin');
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Each row: what is wrong, the arguments, and text the one-line message must contain. */
type BadInput = [what: string, args: () => string[], mentions: string[]];

const limitOptions = optionTable().filter((option) => option.limit);

const CHECK_BAD_INPUTS: BadInput[] = [
  ['--expect: not JSON', () => ['--expect', at('not-json.json'), ECHO], ['--expect', 'not JSON']],
  ['--expect: null', () => ['--expect', at('null.json'), ECHO], ['--expect', 'got null']],
  ['--expect: an array', () => ['--expect', at('array.json'), ECHO], ['--expect', 'an array']],
  ['--expect: {}', () => ['--expect', at('empty.json'), ECHO], ['--expect', 'expectedFailures']],
  [
    '--expect: expectedFailures not an array',
    () => ['--expect', at('not-array.json'), ECHO],
    ['--expect', '"expectedFailures" must be an array'],
  ],
  [
    '--expect: an entry that is null',
    () => ['--expect', at('null-entry.json'), ECHO],
    ['--expect', 'expectedFailures[0]', 'got null'],
  ],
  [
    '--expect: an entry without a reason',
    () => ['--expect', at('no-reason.json'), ECHO],
    ['--expect', 'a reason is required for ZC-INFO-002'],
  ],
  [
    '--expect: a blank reason',
    () => ['--expect', at('blank-reason.json'), ECHO],
    ['--expect', 'reason'],
  ],
  [
    '--expect: an unknown rule',
    () => ['--expect', at('unknown-rule.json'), ECHO],
    ['--expect', 'unknown rule "ZC-NOPE-001"'],
  ],
  [
    '--expect: an unknown field',
    () => ['--expect', at('unknown-field.json'), ECHO],
    ['--expect', '"plugn"', 'did you mean plugin?'],
  ],
  [
    '--expect: a missing file',
    () => ['--expect', at('nope.json'), ECHO],
    ['--expect', 'no such file'],
  ],
  ['--expect: a directory', () => ['--expect', scratch, ECHO], ['--expect', 'is a directory']],
  ['--path abc', () => ['--path', 'abc', '--only', 'ZC-CALL-002', ECHO], ['--path', '"abc"']],
  ['--path 1:x', () => ['--path', '1:x', '--only', 'ZC-CALL-002', ECHO], ['--path', '"1:x"']],
  ['--path -1', () => ['--path', '-1', '--only', 'ZC-CALL-002', ECHO], ['--path', '"-1"']],
  ['--path without --only', () => ['--path', '0:1', ECHO], ['--path', '--only', 'got none']],
  [
    '--path with a static rule',
    () => ['--path', '0:1', '--only', 'ZC-MOD-001', ECHO],
    ['--path', 'ZC-MOD-001, a static rule'],
  ],
  [
    '--path with two property rules',
    () => ['--path', '0:1', '--only', 'ZC-CALL-002,ZC-CALL-006', ECHO],
    ['--path', 'got 2 rules'],
  ],
  [
    '--seed above 2^53-1',
    () => ['--seed', '9007199254740992', ECHO],
    ['--seed', '9007199254740992'],
  ],
  ['--seed negative', () => ['--seed', '-1', ECHO], ['--seed', 'got -1']],
  ['--seed not an integer', () => ['--seed', '1.5', ECHO], ['--seed', '"1.5"']],
  ['--seed not a number', () => ['--seed', 'abc', ECHO], ['--seed', '"abc"', '"random"']],
  ...limitOptions.flatMap((option): BadInput[] => [
    [
      `--${option.name} 0`,
      () => [`--${option.name}`, '0', ECHO],
      [`--${option.name} must be a positive integer`, 'got 0'],
    ],
    [
      `--${option.name} -5`,
      () => [`--${option.name}`, '-5', ECHO],
      [`--${option.name} must be a positive integer`, 'got -5'],
    ],
  ]),
  ['--timeout not a number', () => ['--timeout', 'soon', ECHO], ['--timeout', '"soon"']],
  ['--timeout 1.5', () => ['--timeout', '1.5', ECHO], ['--timeout', '"1.5"']],
  [
    '--timeout too large to be exact',
    () => ['--timeout', '99999999999999999999', ECHO],
    ['--timeout', 'no larger than 9007199254740991'],
  ],
  ['--timeout without a value', () => [ECHO, '--timeout'], ['--timeout needs <ms>']],
  ['--runs 0', () => ['--runs', '0', ECHO], ['--runs must be a positive integer', 'got 0']],
  ['--runs -3', () => ['--runs', '-3', ECHO], ['--runs must be a positive integer', 'got -3']],
  ['--only , (an empty list)', () => ['--only', ',', ECHO], ['--only needs at least one name']],
  [
    '--export , (an empty list)',
    () => ['--export', ' , ', ECHO],
    ['--export needs at least one name'],
  ],
  ['--only an unknown rule', () => ['--only', 'ZC-NOPE-999', ECHO], ['--only', 'ZC-NOPE-999']],
  [
    '--only a near miss',
    () => ['--only', 'ZC-INFO-01', ECHO],
    ['--only', 'did you mean ZC-INFO-001?'],
  ],
  ['--export an unknown export', () => ['--export', 'alloc', ECHO], ['--export alloc']],
  ['--junit a directory', () => ['--junit', scratch, ECHO], ['--junit', 'is a directory']],
  [
    '--junit under a file',
    () => ['--junit', at('a-file/junit.xml'), ECHO],
    ['--junit', 'cannot be created', 'is a file'],
  ],
  ['--junit - with --json', () => ['--junit', '-', '--json', ECHO], ['--junit -', '--json']],
  ['--junit with an empty value', () => ['--junit=', ECHO], ['--junit needs <file>']],
  ['--shard 3/2', () => ['--shard', '3/2', ECHO], ['--shard', '"3/2"']],
  ['--quick with --thorough', () => ['--quick', '--thorough', ECHO], ['--quick', '--thorough']],
  ['a typo in an option', () => ['--jsn', ECHO], ['unknown option --jsn (did you mean --json?)']],
  [
    'an unknown option',
    () => ['--bogus', ECHO],
    ['unknown option --bogus', 'zenith-conform --help'],
  ],
  ['an unknown short option', () => ['-x', ECHO], ['unknown option -x']],
  ['a flag given a value', () => ['--json=yes', ECHO], ['--json takes no value']],
  [
    'a typo in the command',
    () => ['bnech', ECHO],
    ['unknown command or file bnech (did you mean bench?)'],
  ],
  ['a glob matching nothing', () => [join(scratch, '*.zip')], ['no file matches', '*.zip']],
  [
    'a directory without .wasm files',
    () => [at('empty-dir')],
    ['empty-dir is a directory with no .wasm file'],
  ],
  ['- given twice', () => ['-', '-'], ['- (a module from stdin) can be given only once']],
  ['no plugin', () => [], ['no plugin given']],
];

const BENCH_BAD_INPUTS: BadInput[] = [
  ['--time 0', () => ['--time', '0', ECHO], ['--time must be a positive integer', 'got 0']],
  ['--time -5', () => ['--time', '-5', ECHO], ['--time must be a positive integer', 'got -5']],
  ['--plugin-timeout 0', () => ['--plugin-timeout', '0', ECHO], ['--plugin-timeout', 'got 0']],
  ['--warmup -1', () => ['--warmup', '-1', ECHO], ['--warmup must be a non-negative integer']],
  ['--seed negative', () => ['--seed', '-1', ECHO], ['--seed', 'got -1']],
  [
    '--seed above 2^53-1',
    () => ['--seed', '9007199254740993', ECHO],
    ['--seed', '9007199254740993'],
  ],
  ['--sizes 0', () => ['--sizes', '0', ECHO], ['--sizes', '"0"']],
  [
    '--export , (an empty list)',
    () => ['--export', ',', ECHO],
    ['--export needs at least one name'],
  ],
  [
    '--fail-on-regression -5',
    () => ['--fail-on-regression', '-5', '--baseline', 'x', ECHO],
    ['--fail-on-regression', 'got -5'],
  ],
  [
    '--max-instructions-per-byte x',
    () => ['--max-instructions-per-byte', 'x', ECHO],
    ['--max-instructions-per-byte', '"x"'],
  ],
  [
    '--out a file',
    () => ['--out', at('a-file'), ECHO],
    ['--out', 'is a file, expected a directory'],
  ],
  ['--out under a file', () => ['--out', at('a-file/out'), ECHO], ['--out', 'cannot be created']],
  ['a typo in an option', () => ['--jsn', ECHO], ['unknown option --jsn (did you mean --json?)']],
  ['a glob matching nothing', () => [join(scratch, 'none-*.wasm')], ['no file matches']],
  ['no plugin', () => [], ['no plugin given', 'zenith-conform bench --help']],
];

function expectOneLineError(
  result: { exitCode?: number; stdout: unknown; stderr: unknown },
  prefix: string,
  mentions: string[],
): void {
  const stderr = String(result.stderr);
  expect(result.exitCode, stderr).toBe(2);
  expect(String(result.stdout)).toBe('');
  expect(stderr.endsWith('\n'), JSON.stringify(stderr)).toBe(true);
  expect(stderr.trimEnd().split('\n'), stderr).toHaveLength(1);
  expect(stderr.startsWith(prefix), stderr).toBe(true);
  expect(stderr).not.toContain(STACK_FRAME);
  expect(stderr).not.toContain('internal error');
  for (const text of mentions) expect(stderr).toContain(text);
}

describe('zenith-conform: a bad input is one line on stderr and exit 2', () => {
  it.concurrent.each(CHECK_BAD_INPUTS)('%s', async (_what, args, mentions) => {
    expectOneLineError(await cli(args()), 'zenith-conform: ', mentions);
  });
});

describe('zenith-conform bench: a bad input is one line on stderr and exit 2', () => {
  it.concurrent.each(BENCH_BAD_INPUTS)('%s', async (_what, args, mentions) => {
    expectOneLineError(await cli(['bench', ...args()]), 'zenith-conform bench: ', mentions);
  });
});

describe('an internal error', () => {
  // A preloaded module makes writing the report fail, as a bug of ours would.
  const boom = join(ROOT, 'test', 'helpers', 'throw-on-stdout.mjs');
  const run = (env: Record<string, string>) =>
    execa(process.execPath, ['--import', boom, BIN, '--version'], {
      cwd: ROOT,
      env: { ZC_DEBUG: '', ...env },
      reject: false,
    });

  it('is one line naming it a bug, exit 2, no stack', async () => {
    const result = await run({});
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'zenith-conform: internal error: stdout is on fire (a zenith-conform bug: please report it; ZC_DEBUG=1 shows the stack)',
    );
  });

  it('shows the stack after that line with ZC_DEBUG=1', async () => {
    const result = await run({ ZC_DEBUG: '1' });
    expect(result.exitCode).toBe(2);
    const [first, ...rest] = result.stderr.split('\n');
    expect(first).toMatch(/^zenith-conform: internal error: stdout is on fire/);
    expect(rest.join('\n')).toContain(STACK_FRAME);
  });
});

describe('--shard with no plugins for this shard', () => {
  it('says so in one line, prints no report, writes no JUnit file, exits 0', async () => {
    const junit = at('empty-shard.xml');
    const result = await cli(['--shard', '3/3', '--junit', junit, ECHO, at('plugins/a.wasm')]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^zenith-conform: shard 3\/3 has no plugins: 2 plugins given/),
    ]);
    expect(existsSync(junit)).toBe(false);
  });
});

describe('output files', () => {
  it('--junit - prints the XML on stdout instead of the text report', async () => {
    const result = await cli(['--junit', '-', '--only', 'ZC-MOD-001', ECHO]);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout.startsWith('<?xml')).toBe(true);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    expect(result.stdout).toContain('ZC-MOD-001');
  });

  it.skipIf(!existsSync('/dev/full'))(
    'a JUnit write that fails is one line and exit 2, after the report is printed',
    async () => {
      const result = await cli(['--junit', '/dev/full', '--only', 'ZC-MOD-001', ECHO]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toMatch(/PASS/);
      expect(result.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(/^zenith-conform: --junit \/dev\/full: not written: ENOSPC/),
      ]);
    },
  );

  it.skipIf(!existsSync('/dev/full'))(
    'a bench --out write that fails is one line and exit 2, after the report is printed',
    async () => {
      const out = at('full-out');
      mkdirSync(out, { recursive: true });
      symlinkSync('/dev/full', join(out, 'report.json'));
      const result = await cli(['bench', ...QUICK_BENCH, '--out', out, ECHO]);
      expect(result.exitCode).toBe(2);
      expect(result.stdout).toMatch(/1 measured/);
      // Besides the progress (one plain line per case when stderr is not a terminal), one line.
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines.filter((line) => !/^\[\d+\/\d+\] .*\(case \d+\/\d+\)$/.test(line))).toEqual([
        expect.stringMatching(/^zenith-conform bench: --out .*full-out: not written: ENOSPC/),
      ]);
      expect(lines.at(-1)).toMatch(/not written/);
    },
  );
});

describe('plugin arguments', () => {
  it('- reads one module from stdin, shown as <stdin>', async () => {
    const input = readFileSync(join(ROOT, ECHO));
    const result = await cli(['--json', '--only', 'ZC-INFO-002', '-'], {}, input);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.plugins.map((plugin) => [plugin.source, plugin.verdict])).toEqual([
      ['<stdin>', 'pass'],
    ]);
    const text = await cli(['--only', 'ZC-INFO-002', '-'], {}, input);
    expect(text.stdout).toMatch(/^<stdin> {2}\(echo v1\.0\.0/m);
  });

  it('bench - reads the module from stdin too', async () => {
    const input = readFileSync(join(ROOT, ECHO));
    const result = await cli(['bench', ...QUICK_BENCH, '--json', '-'], {}, input);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as BenchReport;
    expect(report.plugins.map((plugin) => [plugin.source, plugin.info])).toEqual([
      ['<stdin>', 'echo v1.0.0'],
    ]);
  });

  it('a directory is the .wasm files directly in it, sorted', async () => {
    const result = await cli(['--json', '--only', 'ZC-MOD-001', at('plugins')]);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.plugins.map((plugin) => plugin.source)).toEqual([
      at('plugins/a.wasm'),
      at('plugins/b.wasm'),
    ]);
  });

  it('a quoted glob is expanded, ** through subdirectories, sorted', async () => {
    const result = await cli([
      '--json',
      '--only',
      'ZC-MOD-001',
      join(scratch, 'plugins/**/*.wasm'),
    ]);
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.plugins.map((plugin) => plugin.source)).toEqual([
      at('plugins/a.wasm'),
      at('plugins/b.wasm'),
      at('plugins/sub/c.wasm'),
    ]);
  });

  it('a path that cannot be read is said on stderr, one line, while JSON goes to stdout', async () => {
    const result = await cli(['--json', 'nope.wasm']);
    expect(result.exitCode).toBe(2);
    const report = JSON.parse(result.stdout) as ConformanceReport;
    expect(report.plugins[0]!.error?.code).toBe('ZC_NOT_FOUND');
    expect(result.stderr).toBe('zenith-conform: nope.wasm: no such file\n');
  });

  it('bench says a path that cannot be read on stderr too', async () => {
    const result = await cli(['bench', ...QUICK_BENCH, '--json', 'nope.wasm']);
    expect(result.exitCode).toBe(2);
    expect((JSON.parse(result.stdout) as BenchReport).plugins[0]!.errorCode).toBe('ZC_NOT_FOUND');
    expect(result.stderr).toBe('zenith-conform bench: nope.wasm: no such file\n');
  });
});

describe('CLI conventions', () => {
  it.each([['-V'], ['--version'], ['bench', '--version'], ['bench', '-V']])(
    '%s %s prints the version',
    async (...args) => {
      const result = await cli(args);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe(`${VERSION}\n`);
    },
  );

  it('--seed random picks a seed and prints it, for both commands', async () => {
    const check = await cli(['--json', '--seed', 'random', '--only', 'ZC-MOD-001', ECHO]);
    expect(check.exitCode, check.stderr).toBe(0);
    expect(
      Number.isSafeInteger((JSON.parse(check.stdout) as ConformanceReport).settings.seed),
    ).toBe(true);
    const bench = await cli(['bench', ...QUICK_BENCH, '--json', '--seed', 'random', ECHO]);
    expect(bench.exitCode, bench.stderr).toBe(0);
    expect(Number.isSafeInteger((JSON.parse(bench.stdout) as BenchReport).settings.seed)).toBe(
      true,
    );
  });

  it('a replay command with --only, --seed and --path runs', async () => {
    const result = await cli([
      '--only',
      'ZC-CALL-002',
      '--seed',
      '42',
      '--export',
      'process',
      '--path',
      '0',
      ECHO,
    ]);
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).not.toContain('internal error');
  });

  it('colour follows picocolors: --color and FORCE_COLOR turn it on, NO_COLOR and --no-color off', async () => {
    const args = ['--only', 'ZC-MOD-001', ECHO];
    expect((await cli(args)).stdout).not.toMatch(ANSI);
    expect((await cli(['--color', ...args])).stdout).toMatch(ANSI);
    expect((await cli(args, { FORCE_COLOR: '1' })).stdout).toMatch(ANSI);
    expect((await cli(args, { CI: 'true' })).stdout).toMatch(ANSI);
    expect((await cli(args, { NO_COLOR: '1', FORCE_COLOR: '1' })).stdout).not.toMatch(ANSI);
    expect((await cli(['--no-color', ...args], { FORCE_COLOR: '1' })).stdout).not.toMatch(ANSI);
    // The last of --color and --no-color wins.
    expect((await cli(['--color', '--no-color', ...args])).stdout).not.toMatch(ANSI);
    expect((await cli(['--no-color', '--color', ...args])).stdout).toMatch(ANSI);
    expect((await cli(['bench', ...QUICK_BENCH, '--color', ECHO])).stdout).toMatch(ANSI);
  });
});
