import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UsageError } from '../util/errors.js';
import { packageVersion } from '../util/package-root.js';
import { sanitizeText } from '../util/sanitize.js';
import { CONFIG_FILE_NAMES } from './config-schema.js';
import { EXIT, type CliIo } from './io.js';
import { errorLine } from './options.js';
import { parseWithTable } from './parse-table.js';

const INIT_OPTIONS = [
  { name: 'force', kind: 'flag' },
  { name: 'help', short: 'h', kind: 'flag' },
] as const;

export const INIT_HELP = [
  'Usage: zenith-conform init [--force] [dir]',
  '',
  'Writes zenith-conform.config.json (the plugins found under dir, default the working directory)',
  'and .github/workflows/zenith-conform.yml, a workflow that builds the plugin and runs the gate',
  'with that config. Existing files are kept unless --force.',
  '',
].join('\n');

/** Where a Rust plugin crate puts its module: the place to look first, and the default glob. */
const RUST_RELEASE = 'target/wasm32-wasip1/release';
const SKIPPED = new Set(['node_modules', '.git', 'deps', 'debug', 'incremental', 'build']);

/** .wasm files below a folder (not in dependency or debug output), sorted, at most 50. */
function findPlugins(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 6 || found.length >= 50) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.wasm')) found.push(relative(root, path));
    }
  };
  walk(root, 0);
  return found.sort();
}

function workflow(rust: boolean): string {
  const build = rust
    ? [
        '      - uses: dtolnay/rust-toolchain@stable',
        '        with:',
        '          targets: wasm32-wasip1',
        '      - uses: Swatinem/rust-cache@v2',
        '      - name: Build the plugin',
        '        run: cargo build --release --target wasm32-wasip1',
      ]
    : ['      # Build your plugin here, so that the paths in zenith-conform.config.json exist.'];
  return [
    '# The conformance gate: zenith-conform with the plugins, options and contracts of',
    '# zenith-conform.config.json. Written by `zenith-conform init`.',
    'name: zenith-conform',
    '',
    'on:',
    '  push:',
    '  pull_request:',
    '',
    '# Read-only: the gate needs no token, so it runs on pull requests from forks too.',
    'permissions:',
    '  contents: read',
    '',
    'jobs:',
    '  conformance:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    ...build,
    '      # The action reads the plugins and their contracts from zenith-conform.config.json,',
    '      # annotates failed rules and uploads JSON, JUnit and SARIF reports. Pinned, so a new',
    '      # rule arrives as a reviewed change.',
    '      - name: Conformance gate',
    `        uses: zenith-conform/zenith-conform@v${packageVersion()}`,
    '',
  ].join('\n');
}

/** `zenith-conform init`: a config for the plugins in a folder, and a workflow using it. */
export function runInit(argv: readonly string[], io: CliIo): number {
  try {
    const parsed = parseWithTable(argv, INIT_OPTIONS, 'zenith-conform init --help');
    if (parsed.flag('help')) {
      io.stdout(INIT_HELP);
      return EXIT.ok;
    }
    if (parsed.positionals.length > 1) {
      throw new UsageError(
        'ZC_BAD_ARGUMENT',
        `init takes one folder, got ${parsed.positionals.length}`,
      );
    }
    const root = resolve(parsed.positionals[0] ?? '.');
    if (!existsSync(root)) throw new UsageError('ZC_BAD_ARGUMENT', `${root}: no such folder`);
    const configFile = join(root, CONFIG_FILE_NAMES[0]);
    const workflowFile = join(root, '.github', 'workflows', 'zenith-conform.yml');
    const existing = [
      configFile,
      workflowFile,
      ...CONFIG_FILE_NAMES.slice(1).map((n) => join(root, n)),
    ].filter((file) => existsSync(file));
    if (existing.length > 0 && !parsed.flag('force')) {
      throw new UsageError(
        'ZC_EXISTS',
        `init: ${existing.map((file) => relative(process.cwd(), file) || file).join(', ')} already exist(s); --force overwrites`,
      );
    }
    const rust = existsSync(join(root, 'Cargo.toml'));
    const found = findPlugins(root);
    const release = found.filter((path) => path.startsWith(`${RUST_RELEASE}/`));
    const plugins =
      release.length > 0 ? release : found.length > 0 ? found : [`${RUST_RELEASE}/*.wasm`];
    const config = {
      $schema: './node_modules/zenith-conform/spec/config.schema.json',
      plugins: plugins.map((path) => ({ path, properties: {} })),
      strict: false,
    };
    mkdirSync(dirname(workflowFile), { recursive: true });
    writeFileSync(configFile, `${JSON.stringify(config, null, 2)}\n`);
    writeFileSync(workflowFile, workflow(rust));
    const shown = (file: string): string => relative(process.cwd(), file) || file;
    io.stdout(
      [
        `wrote ${shown(configFile)} (${found.length === 0 ? `no .wasm file found yet: it checks ${plugins[0]} once built` : `${plugins.length} plugin(s): ${plugins.join(', ')}`})`,
        `wrote ${shown(workflowFile)}`,
        'next: add what you know about each plugin, checked on every run (spec/CONTRACT.md):',
        '  "fixtures": "tests/fixtures"         name.in + name.out pairs, or name.json cases',
        '  "properties": { "output": "utf8", "accepts": "utf8", "idempotent": true, ... }',
        'then run: npx zenith-conform',
        '',
      ]
        .map((line) => sanitizeText(line))
        .join('\n'),
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(errorLine('check', sanitizeText(error.message)));
      return EXIT.usage;
    }
    throw error;
  }
}
