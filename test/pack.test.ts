import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { wat } from './helpers/wat.js';

const root = join(import.meta.dirname, '..');

interface PackResult {
  filename: string;
  files: Array<{ path: string }>;
}

// The package as users get it: packed, installed into an empty folder outside this repository
// (so nothing resolves from this repo's node_modules), and run with npx.
describe('the packed package', () => {
  let tarball: string;
  let files: string[];
  let consumer: string;

  beforeAll(async () => {
    const destination = mkdtempSync(join(tmpdir(), 'zc-pack-'));
    // dist/ is already built by `pretest`; rebuilding here would race the other test files.
    const packed = await execa(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', destination],
      {
        cwd: root,
      },
    );
    const [result] = JSON.parse(packed.stdout) as PackResult[];
    tarball = join(destination, result!.filename);
    files = result!.files.map((file) => file.path);
    consumer = mkdtempSync(join(tmpdir(), 'zc-consumer-'));
    writeFileSync(
      join(consumer, 'broken.wasm'),
      wat(readFileSync(join(root, 'reference-plugins/broken/missing-process.wat'), 'utf8')),
    );
  }, 120_000);

  it('ships the compiled CLI, checks, spec and reference plugins, and nothing else', () => {
    for (const needed of [
      'dist/src/cli/main.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/vitest.js',
      'dist/suites/static/ZC-MOD-001.js',
      'spec/zenith-abi.v1.json',
      'spec/report.schema.json',
      'spec/ABI.md',
      'reference-plugins/dist/echo.wasm',
      'package.json',
      'README.md',
      'LICENSE',
    ]) {
      expect(files, needed).toContain(needed);
    }
    const unwanted = files.filter(
      (path) =>
        /^(test|scripts|bench|node_modules|src)\/|\.ts$/.test(path) && !path.endsWith('.d.ts'),
    );
    expect(unwanted).toEqual([]);
  });

  it('holds only the package files: the build, the spec, the reference plugins and the docs', () => {
    const top = new Set(files.map((path) => path.split('/')[0]));
    expect([...top].sort()).toEqual([
      'LICENSE',
      'README.md',
      'dist',
      'package.json',
      'reference-plugins',
      'spec',
    ]);
    // The action, CI scripts and vendored test schemas belong to the repository, not the package.
    expect(
      files.filter((path) => /^(action|\.ci|examples)\b|(^|\/)fixtures\/|\.xsd$/.test(path)),
    ).toEqual([]);
    expect(files.filter((path) => path.startsWith('reference-plugins/'))).toEqual(
      files.filter((path) => /^reference-plugins\/dist\/[^/]+\.wasm$/.test(path)),
    );
    // Every module of the library ships with its types, the new commands included.
    const modules = files.filter((path) => path.startsWith('dist/') && path.endsWith('.js'));
    for (const module of modules) expect(files, module).toContain(module.replace(/\.js$/, '.d.ts'));
    for (const needed of [
      'dist/src/cli/run-inspect-cli.js',
      'dist/src/inspect/inspect-plugin.js',
      'dist/src/report/github.js',
      'dist/src/report/sarif.js',
      'dist/src/cli/config-file.js',
      'dist/src/cli/init.js',
      'spec/config.schema.json',
      'spec/CONTRACT.md',
    ]) {
      expect(files).toContain(needed);
    }
  });

  it('names its repository, homepage and issue tracker', async () => {
    const run = await execa('tar', ['-xzOf', tarball, 'package/package.json']);
    const manifest = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(manifest['repository']).toEqual({
      type: 'git',
      url: 'git+https://github.com/zenith-conform/zenith-conform.git',
    });
    expect(manifest['bugs']).toEqual({
      url: 'https://github.com/zenith-conform/zenith-conform/issues',
    });
  });

  const npx = (args: string[]) =>
    execa('npx', ['--yes', `--package=${tarball}`, 'zenith-conform', ...args], {
      cwd: consumer,
      reject: false,
      env: {
        NO_COLOR: '1',
        npm_config_update_notifier: 'false',
        // The same output under GitHub Actions as anywhere (no annotations or job summary).
        GITHUB_ACTIONS: '',
        GITHUB_STEP_SUMMARY: '',
      },
    });

  it('runs with npx from the tarball: exit 0 on a reference plugin', async () => {
    const run = await npx([join(root, 'reference-plugins/dist/echo.wasm')]);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/PASS/);
  }, 180_000);

  it('runs with npx from the tarball: exit 1 on a broken plugin', async () => {
    const run = await npx(['broken.wasm', '--json']);
    expect(run.exitCode, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as {
      plugins: Array<{ results: Array<{ rule: string; status: string }> }>;
    };
    const failed = report.plugins[0]!.results.filter((result) => result.status === 'fail');
    expect(failed.map((result) => result.rule)).toEqual(['ZC-EXP-001']);
  }, 180_000);

  it('counts instructions with binaryen installed beside it, as the GitHub Action runs it', async () => {
    // action/common.sh: npx -p zenith-conform@<version> -p binaryen@<peer version>; the bench
    // imports binaryen from the node_modules npx puts both in.
    const binaryen = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
        peerDependencies: Record<string, string>;
      }
    ).peerDependencies['binaryen']!;
    const run = await execa(
      'npx',
      [
        '--yes',
        `--package=${tarball}`,
        `--package=binaryen@${binaryen}`,
        'zenith-conform',
        'bench',
        join(root, 'reference-plugins/dist/echo.wasm'),
        '--sizes',
        '64',
        '--time',
        '20',
        '--warmup',
        '5',
        '--json',
      ],
      { cwd: consumer, reject: false, env: { NO_COLOR: '1', npm_config_update_notifier: 'false' } },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      plugins: Array<{ instructions: { status: string } }>;
    };
    expect(report.plugins[0]!.instructions.status).toBe('counted');
  }, 180_000);
});
