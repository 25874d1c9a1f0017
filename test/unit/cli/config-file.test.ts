import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import {
  configArguments,
  configPlugins,
  contractFor,
  findConfig,
  loadConfig,
} from '../../../src/cli/config-file.js';
import { configSchema } from '../../../src/cli/config-schema.js';
import { loadSpec } from '../../../src/spec-model/load-spec.js';

const spec = loadSpec();

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'zc-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

const configIn = (dir: string): string => join(dir, 'zenith-conform.config.json');

describe('the config file', () => {
  it('is what spec/config.schema.json publishes', () => {
    const published = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '..', '..', '..', 'spec', 'config.schema.json'),
        'utf8',
      ),
    ) as unknown;
    expect(published).toEqual(configSchema(spec));
    expect(() => new Ajv({ strict: true }).compile(configSchema(spec))).not.toThrow();
  });

  it('is found in a folder by its names, json first', () => {
    const dir = project({
      'zenith-conform.config.mjs': 'export default {}',
      'zenith-conform.config.json': '{}',
    });
    expect(findConfig(dir)).toMatch(/zenith-conform\.config\.json$/);
    expect(findConfig(project({}))).toBeUndefined();
  });

  it.each([
    [{ plugins: ['a.wasm'], thorugh: true }, /top level: unknown key thorugh \(did you mean/],
    [
      { plugins: [{ path: 'a.wasm', properties: { outpt: 'utf8' } }] },
      /unknown key outpt \(did you mean output\?\)/,
    ],
    [
      { plugins: [{ path: 'a.wasm', properties: { output: 'latin1' } }] },
      /must be one of "utf8", "ascii", "json"/,
    ],
    [
      { plugins: [{ path: 'a.wasm', fixture: 'x' }] },
      /unknown key fixture \(did you mean fixtures\?\)/,
    ],
    [{ 'max-memory': 0 }, /max-memory/],
    [{ depth: 'deep' }, /depth must be one of "quick", "thorough"/],
  ])('refuses %j with the file and the key', async (config, message) => {
    const dir = project({ 'zenith-conform.config.json': JSON.stringify(config) });
    await expect(loadConfig(configIn(dir), spec)).rejects.toThrow(message);
    await expect(loadConfig(configIn(dir), spec)).rejects.toThrow(/zenith-conform\.config\.json: /);
  });

  it('reads a .mjs config whose default export is a function', async () => {
    const dir = project({
      'zenith-conform.config.mjs': 'export default () => ({ plugins: ["a.wasm"], strict: true });',
    });
    const loaded = await loadConfig(join(dir, 'zenith-conform.config.mjs'), spec);
    expect(loaded.config).toEqual({ plugins: ['a.wasm'], strict: true });
  });

  it('becomes arguments the command line overrides, paths relative to the config', async () => {
    const dir = project({
      'zenith-conform.config.json': JSON.stringify({
        depth: 'thorough',
        seed: 7,
        strict: true,
        only: ['ZC-MOD-001', 'ZC-EXP-001'],
        corpus: ['samples', 'more'],
        junit: 'reports/j.xml',
        'max-memory': '16m',
        explore: false,
      }),
    });
    const loaded = await loadConfig(configIn(dir), spec);
    const local = (path: string): string => join(dir, path);
    expect(configArguments(loaded, [])).toEqual([
      '--thorough',
      '--junit',
      local('reports/j.xml'),
      '--only',
      'ZC-MOD-001,ZC-EXP-001',
      '--seed',
      '7',
      '--strict',
      '--corpus',
      local('samples'),
      '--corpus',
      local('more'),
      '--no-explore',
      '--max-memory',
      '16m',
    ]);
    const overridden = configArguments(loaded, [
      '--quick',
      '--seed',
      '9',
      '--explore-iterations',
      '10',
    ]);
    expect(overridden).not.toContain('--thorough');
    expect(overridden).not.toContain('--no-explore');
    expect(overridden).not.toContain('7');
  });

  it("names plugins by path, directory or glob, each with its entry's contract", async () => {
    const dir = project({
      'dist/a.wasm': '',
      'dist/b.wasm': '',
      'other/c.wasm': '',
      'oracle.mjs': 'export default (x) => x;',
      'zenith-conform.config.json': JSON.stringify({
        plugins: [
          {
            path: 'dist/*.wasm',
            fixtures: 'fx',
            properties: { idempotent: true, reference: 'oracle.mjs' },
          },
          'other',
        ],
      }),
    });
    const loaded = await loadConfig(configIn(dir), spec);
    const plugins = configPlugins(loaded, spec);
    expect(plugins.map((plugin) => relative(dir, plugin.path))).toEqual([
      'dist/a.wasm',
      'dist/b.wasm',
      'other/c.wasm',
    ]);
    expect(plugins[0]?.contract).toEqual({
      configPath: configIn(dir),
      fixtures: join(dir, 'fx'),
      properties: { idempotent: true, reference: join(dir, 'oracle.mjs') },
    });
    expect(plugins[2]?.contract).toBeUndefined();
    expect(contractFor(join(dir, 'dist', 'b.wasm'), plugins)).toBe(plugins[1]?.contract);
    expect(contractFor(join(dir, 'elsewhere.wasm'), plugins)).toBeUndefined();
  });

  it('says which entry matched nothing', async () => {
    const dir = project({
      'zenith-conform.config.json': JSON.stringify({ plugins: ['target/*.wasm'] }),
    });
    const loaded = await loadConfig(configIn(dir), spec);
    expect(() => configPlugins(loaded, spec)).toThrow(
      /zenith-conform\.config\.json: plugins: no file matches .*target\/\*\.wasm/,
    );
  });
});
