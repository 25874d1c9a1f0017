import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { conformance, resolvePluginPath } from 'zenith-conform/vitest';
import { wat } from './helpers/wat.js';

// The integration as a plugin repository uses it, through the package's own export path.
conformance('reference-plugins/dist/echo.wasm');

const root = join(import.meta.dirname, '..');
const generated = join(root, 'test', 'nested', 'generated');

interface JsonReport {
  testResults: Array<{
    assertionResults: Array<{ title: string; status: string; failureMessages: string[] }>;
  }>;
}

describe('conformance() on a broken plugin', () => {
  it('fails exactly the tests of the rules the plugin breaks, with replay commands', async () => {
    mkdirSync(generated, { recursive: true });
    const source = readFileSync(
      join(root, 'reference-plugins/broken/nul-terminator-past-output.wat'),
      'utf8',
    );
    writeFileSync(join(generated, 'broken.wasm'), wat(source));
    writeFileSync(
      join(generated, 'broken.nested.ts'),
      "import { conformance } from 'zenith-conform/vitest';\nconformance('test/nested/generated/broken.wasm');\n",
    );
    const run = await execa(
      'npx',
      ['vitest', 'run', '--config', 'test/nested/vitest.config.ts', '--reporter=json'],
      { cwd: root, reject: false, env: { NO_COLOR: '1' } },
    );
    expect(run.exitCode).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    const tests = report.testResults.flatMap((file) => file.assertionResults);
    const failed = tests.filter((test) => test.status === 'failed');
    expect(failed.map((test) => test.title.split(' ')[0])).toEqual(['ZC-CALL-006']);
    expect(failed[0]!.failureMessages.join('\n')).toMatch(
      /replay: {3}npx zenith-conform test\/nested\/generated\/broken\.wasm --only ZC-CALL-006 --seed 42/,
    );
    expect(tests.filter((test) => test.status === 'passed').length).toBeGreaterThan(20);
  });
});

describe('conformance() plugin paths', () => {
  it("reads a relative path from vitest's root and a file URL as is, from any working directory", async () => {
    mkdirSync(generated, { recursive: true });
    const source = readFileSync(
      join(root, 'reference-plugins/broken/nul-terminator-past-output.wat'),
      'utf8',
    );
    writeFileSync(join(generated, 'rooted.wasm'), wat(source));
    const only = "{ only: ['ZC-CALL-006'], explore: false }";
    writeFileSync(
      join(generated, 'relative.rooted.ts'),
      `import { conformance } from 'zenith-conform/vitest';\nconformance('test/nested/generated/rooted.wasm', ${only});\n`,
    );
    writeFileSync(
      join(generated, 'url.rooted.ts'),
      `import { conformance } from 'zenith-conform/vitest';\nconformance(new URL('./rooted.wasm', import.meta.url), ${only});\n`,
    );
    // Elsewhere than the repository: process.cwd() would not find either plugin.
    const elsewhere = mkdtempSync(join(tmpdir(), 'zc-vitest-cwd-'));
    const run = await execa(
      join(root, 'node_modules/.bin/vitest'),
      [
        'run',
        '--root',
        root,
        '--config',
        join(root, 'test/nested/vitest.rooted.config.ts'),
        '--reporter=json',
      ],
      { cwd: elsewhere, reject: false, env: { NO_COLOR: '1' } },
    );
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.testResults).toHaveLength(2);
    const tests = report.testResults.flatMap((file) => file.assertionResults);
    const failed = tests.filter((test) => test.status === 'failed');
    expect(failed.map((test) => test.title.split(' ')[0])).toEqual(['ZC-CALL-006', 'ZC-CALL-006']);
    // Outside the working directory the plugin is named by its absolute path, which replays.
    for (const test of failed) {
      expect(test.failureMessages.join('\n')).toContain(
        `replay:   npx zenith-conform ${join(generated, 'rooted.wasm')} --only ZC-CALL-006`,
      );
    }
  });

  it('refuses what is not a path or a file URL with a UsageError', () => {
    expect(() => resolvePluginPath(42, root)).toThrow(
      expect.objectContaining({ name: 'UsageError', message: expect.stringMatching(/got 42$/) }),
    );
    expect(() => resolvePluginPath(new URL('https://example.com/p.wasm'), root)).toThrow(
      /needs a file: URL or a path, got a https: URL/,
    );
    expect(resolvePluginPath('dist/p.wasm', '/work/repo')).toEqual({
      path: '/work/repo/dist/p.wasm',
      shown: '/work/repo/dist/p.wasm',
    });
    expect(resolvePluginPath('reference-plugins/dist/echo.wasm', process.cwd()).shown).toBe(
      'reference-plugins/dist/echo.wasm',
    );
  });

  it('refuses a bad option when the file is collected, with a UsageError', () => {
    expect(() => conformance('reference-plugins/dist/echo.wasm', { timeout: -1 })).toThrow(
      expect.objectContaining({
        name: 'UsageError',
        message: 'timeout must be a positive integer, got -1',
      }),
    );
    expect(() =>
      conformance('reference-plugins/dist/echo.wasm', { runs: '5' as unknown as number }),
    ).toThrow(expect.objectContaining({ name: 'UsageError', code: 'ZC_BAD_OPTION' }));
  });
});
