// The JUnit report as JUnit consumers read it: valid against the Jenkins xUnit plugin's schemas
// (vendored in test/fixtures/junit, checked with xmllint) and read back by test-results-parser,
// a widely used JUnit reader, with the counts and case outcomes the run had.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { parse } from 'test-results-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { junitClassname, renderJunit } from '../src/report/junit.js';
import type { ConformanceReport } from '../src/spec-model/report-types.generated.js';
import { hostileReport } from './unit/report/fixtures.js';
import { cli, ROOT } from './helpers/cli.js';
import { wat } from './helpers/wat.js';

const SCHEMAS = join(ROOT, 'test/fixtures/junit');
const xmllint = await execa('xmllint', ['--version'], { reject: false }).catch(() => undefined);
const available = xmllint?.exitCode === 0;

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'zc-junit-schema-'));
});

const write = (name: string, xml: string): string => {
  const file = join(scratch, name);
  writeFileSync(file, xml);
  return file;
};

/** xmllint's verdict on a file against one schema: its exit code and complaints. */
async function validate(file: string, schema: string) {
  const run = await execa('xmllint', ['--noout', '--schema', join(SCHEMAS, schema), file], {
    reject: false,
  });
  const complaints = run.stderr
    .split('\n')
    .filter((line) => line && !line.endsWith(' validates') && !line.endsWith('fails to validate'))
    .map((line) => line.replace(/^.*?:\d+: /, ''));
  return { exitCode: run.exitCode, complaints };
}

function strictly(report: ConformanceReport): ConformanceReport {
  return { ...report, settings: { ...report.settings, strict: true } };
}

describe.skipIf(!available && !process.env['CI'])('JUnit against the Jenkins schemas', () => {
  let real: string;
  beforeAll(async () => {
    const broken = join(scratch, 'nul-terminator.wasm');
    const source = readFileSync(
      join(ROOT, 'reference-plugins/broken/nul-terminator-past-output.wat'),
      'utf8',
    );
    writeFileSync(broken, wat(source));
    const run = await cli([
      'reference-plugins/dist/echo.wasm',
      broken,
      join(scratch, 'missing.wasm'),
      '--no-explore',
      '--junit',
      '-',
    ]);
    real = write('real.xml', run.stdout);
  }, 120_000);

  const cases = (): Array<[string, () => string]> => [
    ['a real run (a pass, a failure, an unreadable plugin)', () => real],
    ['every outcome, with hostile text', () => write('hostile.xml', renderJunit(hostileReport()))],
    [
      'every outcome with --strict',
      () => write('strict.xml', renderJunit(strictly(hostileReport()))),
    ],
  ];

  it.each(cases())('%s is valid against junit-9.xsd', async (_name, file) => {
    expect(await validate(file(), 'junit-9.xsd')).toEqual({ exitCode: 0, complaints: [] });
  });

  it('is a check that can fail: a testsuite without its tests count is refused', async () => {
    const xml = renderJunit(hostileReport()).replace(/ tests="\d+"/g, '');
    const { exitCode, complaints } = await validate(write('bad.xml', xml), 'junit-9.xsd');
    expect(exitCode).not.toBe(0);
    expect(complaints[0]).toMatch(/attribute 'tests' is required/);
  });

  it.each(cases())(
    '%s is valid against junit-10.xsd but for the file attribute of a testcase',
    async (_name, file) => {
      const { complaints } = await validate(file(), 'junit-10.xsd');
      expect(complaints.length).toBeGreaterThan(0);
      expect(new Set(complaints)).toEqual(
        new Set([
          "element testcase: Schemas validity error : Element 'testcase', attribute 'file': The attribute 'file' is not allowed.",
        ]),
      );
    },
  );
});

describe('JUnit through test-results-parser', () => {
  it('reads the counts and outcomes of every case as the report has them', () => {
    const file = write('parsed.xml', renderJunit(hostileReport()));
    const result = parse({ type: 'junit', files: [file] });
    const [plugin, missing] = result.suites;
    // Cases: a must failure, a broken check, an expected failure, an unexpected pass, a skip.
    expect(plugin!.cases.map((c) => c.status)).toEqual(['FAIL', 'FAIL', 'SKIP', 'FAIL', 'SKIP']);
    expect([plugin!.failed, plugin!.errors, plugin!.skipped]).toEqual([2, 1, 2]);
    expect(plugin!.cases[0]!.failure).toMatch(/^message /);
    expect(plugin!.cases[0]!.stack_trace).toMatch(/replay: npx zenith-conform/);
    expect(missing!.cases.map((c) => c.status)).toEqual(['FAIL']);
    expect(result.failed + result.errors).toBe(
      result.suites.flatMap((s) => s.cases).filter((c) => c.status === 'FAIL').length,
    );
  });

  it('gives each case a classname with one dot, between the plugin and the area', () => {
    expect(junitClassname('reference-plugins/dist/echo.wasm', 'CALL')).toBe(
      'reference-plugins/dist/echo_wasm.CALL',
    );
    const xml = renderJunit(hostileReport());
    const classnames = [...xml.matchAll(/classname="([^"]*)"/g)].map((m) => m[1]!);
    expect(classnames.length).toBe(6);
    for (const name of classnames) expect(name.split('.')).toHaveLength(2);
    const files = [...xml.matchAll(/<testcase [^>]*file="([^"]*)"/g)].map((m) => m[1]!);
    expect(files).toHaveLength(6);
    expect(files[0]).toMatch(/^plugins\/.*\.wasm$/);
  });
});
