// The CI-facing parts of the CLI: JUnit, --shard, --expect, and progress output.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectShard } from '../src/cli/shard.js';
import type { ConformanceReport } from '../src/spec-model/report-types.generated.js';
import { BIN, cli, ROOT } from './helpers/cli.js';
import { wat } from './helpers/wat.js';

const ECHO = 'reference-plugins/dist/echo.wasm';
let scratch: string;
let broken: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'zenith-ci-'));
  broken = join(scratch, 'nul-terminator.wasm');
  const source = readFileSync(
    join(ROOT, 'reference-plugins/broken/nul-terminator-past-output.wat'),
    'utf8',
  );
  writeFileSync(broken, wat(source));
});

interface Testcase {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_type': string; '@_message': string; '#text'?: string };
  skipped?: { '@_message': string };
  error?: { '@_type': string; '@_message': string };
}
interface Testsuite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_skipped': string;
  testcase: Testcase[];
}

function parseJunit(path: string): Testsuite[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'testsuite' || name === 'testcase',
  });
  const xml = parser.parse(readFileSync(path, 'utf8')) as {
    testsuites: { testsuite: Testsuite[] };
  };
  return xml.testsuites.testsuite;
}

describe('--junit', () => {
  it('writes one testsuite per plugin and one testcase per rule, failures with replay', async () => {
    const file = join(scratch, 'reports', 'junit.xml');
    const run = await cli([ECHO, broken, '--junit', file]);
    expect(run.exitCode).toBe(1);
    const [echo, bad] = parseJunit(file);
    // Every rule but those a plugin's config declares (echo is given no config here).
    const rules = (
      JSON.parse(readFileSync(join(ROOT, 'spec/zenith-abi.v1.json'), 'utf8')) as {
        rules: Array<{ declaredBy?: unknown }>;
      }
    ).rules.filter((rule) => !rule.declaredBy);
    expect(echo!.testcase).toHaveLength(rules.length);
    expect(echo!['@_failures']).toBe('0');
    expect(bad!['@_name']).toBe(broken);
    expect(bad!['@_failures']).toBe('1');
    const failing = bad!.testcase.filter((testcase) => testcase.failure);
    expect(failing.map((testcase) => testcase['@_name'].split(' ')[0])).toEqual(['ZC-CALL-006']);
    const failure = failing[0]!.failure!;
    expect(failure['@_type']).toBe('must');
    expect(failure['#text']).toMatch(/expected: no byte changes outside/);
    expect(failure['#text']).toMatch(/case: input: /);
    expect(failure['#text']).toMatch(
      /replay: npx zenith-conform .*--only ZC-CALL-006 --seed 42 --export process --path /,
    );
    const skipped = bad!.testcase.filter((testcase) => testcase.skipped);
    expect(String(skipped.length)).toBe(bad!['@_skipped']);
  });

  it.each([
    [false, 0, '0'],
    [true, 1, '1'],
  ] as const)(
    'agrees with the exit code on a plugin with only a should failure (--strict: %s)',
    async (strict, exitCode, failures) => {
      const plugin = 'reference-plugins/broken/dist/resize-rounds-coordinates.wasm';
      const file = join(scratch, `should-only-${strict}.xml`);
      const run = await cli([plugin, '--junit', file, ...(strict ? ['--strict'] : [])]);
      expect(run.exitCode).toBe(exitCode);
      const [suite] = parseJunit(file);
      expect(suite!['@_failures']).toBe(failures);
      const rounded = suite!.testcase.find((testcase) =>
        testcase['@_name'].startsWith('ZC-RSZ-003'),
      )!;
      if (strict) expect(rounded.failure?.['@_type']).toBe('should');
      else expect(rounded.skipped?.['@_message']).toMatch(/^should failure, not gating/);
    },
  );

  it('reports an unreadable plugin as an errored testsuite', async () => {
    const file = join(scratch, 'missing.xml');
    const run = await cli([join(scratch, 'nope.wasm'), '--junit', file]);
    expect(run.exitCode).toBe(2);
    const [suite] = parseJunit(file);
    expect(suite!.testcase[0]!.error?.['@_type']).toBe('ZC_NOT_FOUND');
  });
});

describe('--json-file', () => {
  it('writes the JSON report to a file and keeps the text report on stdout', async () => {
    const file = join(scratch, 'json', 'report.json');
    const run = await cli([broken, '--only', 'ZC-CALL-006', '--no-explore', '--json-file', file]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/✗ ZC-CALL-006/);
    const report = JSON.parse(readFileSync(file, 'utf8')) as ConformanceReport;
    expect(report.plugins[0]!.source).toBe(broken);
    expect(report.summary.ok).toBe(false);
  });

  it('refuses - (stdout is the text report): exit 2', async () => {
    const run = await cli([broken, '--json-file', '-']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'zenith-conform: --json-file - is not supported: give --json-file a file\n',
    );
  });
});

describe('--sarif', () => {
  it('writes SARIF with one result per failed rule at the plugin path', async () => {
    const file = join(scratch, 'sarif', 'report.sarif');
    const run = await cli([broken, '--only', 'ZC-CALL-006', '--no-explore', '--sarif', file]);
    expect(run.exitCode).toBe(1);
    const sarif = JSON.parse(readFileSync(file, 'utf8')) as {
      version: string;
      runs: Array<{
        results: Array<{
          ruleId: string;
          level: string;
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
        }>;
      }>;
    };
    expect(sarif.version).toBe('2.1.0');
    const [result, ...rest] = sarif.runs[0]!.results;
    expect(rest).toEqual([]);
    expect(result!.ruleId).toBe('ZC-CALL-006');
    expect(result!.level).toBe('error');
    expect(result!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(`file://${broken}`);
  });

  it('refuses a path it cannot write before the run: exit 2, no report', async () => {
    const run = await cli([broken, '--sarif', scratch]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`zenith-conform: --sarif ${scratch} is a directory, expected a file\n`);
  });
});

describe('under GitHub Actions (GITHUB_ACTIONS=true)', () => {
  const quick = ['--only', 'ZC-CALL-006', '--no-explore'];
  const actions = (summary: string) => ({ GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });

  it('annotates failed rules on stdout and appends the job summary', async () => {
    const summary = join(scratch, 'step-summary.md');
    writeFileSync(summary, '# an earlier step\n');
    const run = await cli([ECHO, broken, ...quick], actions(summary));
    expect(run.exitCode).toBe(1);
    // The text report is fenced by ::stop-commands::<token> and ::<token>::, then our commands.
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^::stop-commands::/);
    const resume = lines.indexOf(`::${lines[0]!.slice('::stop-commands::'.length)}::`);
    expect(lines.slice(1, resume).filter((line) => line.startsWith('::'))).toEqual([]);
    const commands = lines.slice(resume + 1).filter((line) => line.startsWith('::'));
    expect(commands).toHaveLength(1);
    expect(commands[0]!.startsWith(`::error file=${broken},title=ZC-CALL-006::`)).toBe(true);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# an earlier step\n## zenith-conform ')).toBe(true);
    expect(text).toContain(`### ${ECHO}`);
    expect(text).toMatch(/\| ZC-CALL-006 \| must \| fails the run \| /);
  });

  it('stops command processing around the text report: a plugin path cannot inject one', async () => {
    const dir = join(scratch, 'injection');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, '::warning::injected.wasm'), readFileSync(broken));
    const run = await execa(process.execPath, [BIN, '::warning::injected.wasm', ...quick], {
      cwd: dir,
      reject: false,
      env: { NO_COLOR: '', FORCE_COLOR: '', CI: '', ...actions(join(dir, 'summary.md')) },
    });
    expect(run.exitCode).toBe(1);
    const lines = run.stdout.split('\n');
    const stop = /^::stop-commands::([0-9a-f-]{36})$/.exec(lines[0]!);
    expect(stop).not.toBeNull();
    const resume = lines.indexOf(`::${stop![1]}::`);
    const injected = lines.findIndex((line) => line.startsWith('::warning::injected.wasm'));
    // The path's line is inside the stopped stretch; after it, only our annotation.
    expect(injected).toBeGreaterThan(0);
    expect(injected).toBeLessThan(resume);
    expect(lines.slice(resume + 1).filter(Boolean)).toEqual([
      expect.stringMatching(/^::error file=%3A%3Awarning%3A%3Ainjected\.wasm,title=ZC-CALL-006::/),
    ]);
  });

  it('keeps stdout for --json: the annotations go to stderr', async () => {
    const run = await cli([broken, ...quick, '--json'], actions(join(scratch, 'json.md')));
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stderr).toMatch(/^::error file=.*,title=ZC-CALL-006::/m);
  });

  it('writes neither with --no-github', async () => {
    const summary = join(scratch, 'off.md');
    const run = await cli([broken, ...quick, '--no-github'], actions(summary));
    expect(run.exitCode).toBe(1);
    expect(run.stdout + run.stderr).not.toMatch(/^::/m);
    expect(existsSync(summary)).toBe(false);
  });

  it('refuses a summary file it could not write before the run: exit 2', async () => {
    const run = await cli([broken, ...quick], actions(scratch));
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      `zenith-conform: GITHUB_STEP_SUMMARY ${scratch} is a directory, expected a file\n`,
    );
  });
});

describe('--expect', () => {
  const expectFile = (entries: object[]): string => {
    const file = join(
      scratch,
      `expect-${entries.length}-${Math.random().toString(36).slice(2)}.json`,
    );
    writeFileSync(file, JSON.stringify({ expectedFailures: entries }));
    return file;
  };

  it('turns a listed failure into an expected one: exit 0', async () => {
    const file = expectFile([
      { rule: 'ZC-CALL-006', reason: 'NUL terminator, fixed in 1.3', plugin: 'nul-terminator' },
    ]);
    const run = await cli([broken, '--expect', file, '--json']);
    expect(run.exitCode).toBe(0);
    const report = JSON.parse(run.stdout) as ConformanceReport;
    const result = report.plugins[0]!.results.find((entry) => entry.rule === 'ZC-CALL-006')!;
    expect(result.expectation).toEqual({
      outcome: 'expected-failure',
      reason: 'NUL terminator, fixed in 1.3',
    });
    expect(report.plugins[0]!.counts.expectedFailures).toBe(1);
  });

  it('fails the run on an unexpected pass', async () => {
    const file = expectFile([{ rule: 'ZC-INFO-002', reason: 'stale entry' }]);
    const run = await cli([ECHO, '--expect', file, '--only', 'ZC-INFO-002']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/passed, but --expect lists it as failing \(stale entry\)/);
  });

  it('rejects an entry without a reason or with an unknown rule: exit 2', async () => {
    expect((await cli([ECHO, '--expect', expectFile([{ rule: 'ZC-INFO-002' }])])).exitCode).toBe(2);
    const unknown = await cli([
      ECHO,
      '--expect',
      expectFile([{ rule: 'ZC-NOPE-001', reason: 'x' }]),
    ]);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toMatch(/unknown rule "ZC-NOPE-001"/);
  });
});

describe('--shard', () => {
  it('splits plugins by sorted path, every plugin in exactly one shard', () => {
    const plugins = ['c.wasm', 'a.wasm', 'e.wasm', 'b.wasm', 'd.wasm'];
    const shards = [1, 2, 3].map((index) => selectShard(plugins, { index, count: 3 }));
    expect(shards).toEqual([['a.wasm', 'd.wasm'], ['b.wasm', 'e.wasm'], ['c.wasm']]);
    expect(selectShard([...plugins].reverse(), { index: 1, count: 3 })).toEqual(shards[0]);
  });

  it('checks only its share from the command line', async () => {
    const run = await cli([ECHO, broken, '--shard', '2/2', '--json', '--only', 'ZC-MOD-001']);
    const report = JSON.parse(run.stdout) as ConformanceReport;
    expect(report.plugins.map((plugin) => plugin.source)).toEqual([ECHO]);
    expect(report.summary.shard).toBe('2/2');
    expect((await cli([ECHO, '--shard', '3/2'])).exitCode).toBe(2);
  });
});

describe('progress', () => {
  // `script` gives the bin a real terminal, where progress is a bar redrawn in place.
  it.skipIf(!existsSync('/usr/bin/script'))('draws a live bar on a terminal', async () => {
    const command = `'${process.execPath}' dist/src/cli/main.js ${ECHO} --only ZC-INFO-003`;
    const run = await execa('/usr/bin/script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { NO_COLOR: '1' },
      reject: false,
    });
    expect(run.stdout).toMatch(/\r█+░* 1\/8 ZC-MOD-001 · reference-plugins\/dist\/echo\.wasm/);
    expect(run.stdout).toMatch(/\[1\/1\] reference-plugins\/dist\/echo\.wasm: PASS/);
  });

  it('prints one plain line per plugin on stderr when it is not a terminal', async () => {
    const run = await cli([ECHO, broken, '--only', 'ZC-MOD-001']);
    expect(run.stderr).toBe(`[1/2] ${ECHO}: PASS\n[2/2] ${broken}: PASS\n`);
  });
});
