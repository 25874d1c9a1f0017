import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { conformance } from 'zenith-conform/vitest';
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
