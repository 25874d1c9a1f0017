// Builds the field plugins, reference-plugins/field/, into reference-plugins/field/dist/:
// a batch of ordinary plugins written from the plugin guide and spec/ABI.md alone, most with
// one ordinary bug each (reference-plugins/field/manifest.json says which).
//
//   tsx scripts/build-field-plugins.ts [--only <name>[,<name>...]] [--verbose]
//
//   language        sources                                   built with
//   Rust            field/rust/<crate>/ (one cargo workspace)  cargo build --release, wasm32-wasi(p1)
//   C               field/c/<name>.c                           clang --target=wasm32-wasi, reactor
//   WAT             field/wat/<name>.wat                       wabt (npm) parseWat + toBinary
//   AssemblyScript  field/assemblyscript/<name>.ts             asc, flags from build.json there
//
// Every module is written to dist/<name>.wasm; dist/BUILD-INFO.json records the toolchains
// and each module's size and sha256 (no timestamps or paths, so an unchanged rebuild leaves
// no diff). AssemblyScript's compiler is pinned in field/assemblyscript/package.json; it is
// installed there with `npm ci` when missing.
//
// Exit codes: 0 built, 1 a build failed, 2 a toolchain is missing, 64 bad command line.

import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import wabtInit from 'wabt';
import { firstLine } from './first-line.js';
import { findWasmToolchain, missingToolchainMessage } from './rust-toolchain.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIELD = join(REPO_ROOT, 'reference-plugins', 'field');
const DIST = join(FIELD, 'dist');
const RUST_WORKSPACE = join(FIELD, 'rust');
const RUST_TARGET_DIR = join(RUST_WORKSPACE, 'target');
const C_DIR = join(FIELD, 'c');
const WAT_DIR = join(FIELD, 'wat');
const AS_DIR = join(FIELD, 'assemblyscript');
/** What the repository root is called inside the binaries, wherever it is cloned. */
const REMAPPED_ROOT = '/zenith-conform';

type Language = 'rust' | 'c' | 'wat' | 'assemblyscript';

interface Built {
  language: Language;
  file: string;
  size: number;
  sha256: string;
}

const log = (line: string) => console.error(`build-field-plugins: ${line}`);

async function record(
  built: Record<string, Built>,
  name: string,
  language: Language,
): Promise<void> {
  const file = `${name}.wasm`;
  const bytes = await readFile(join(DIST, file));
  built[name] = {
    language,
    file,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

// --------------------------------------------------------------------------------------------
// Rust
// --------------------------------------------------------------------------------------------

// Anything here changes what rustc is asked to do, so a developer's shell setting one of them
// would make their build differ from everyone else's.
const DROPPED_ENV =
  /^(RUSTFLAGS|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|CARGO_BUILD_.*|CARGO_PROFILE_.*|CARGO_TARGET_.*|CARGO_ENCODED_RUSTFLAGS|CARGO_INCREMENTAL)$/;

interface CargoMetadata {
  packages: Array<{ name: string; targets: Array<{ name: string; kind: string[] }> }>;
}

async function buildRust(
  wanted: (name: string) => boolean,
  built: Record<string, Built>,
): Promise<string> {
  const toolchain = await findWasmToolchain();
  if (!toolchain) throw new ToolchainMissing(missingToolchainMessage());
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!DROPPED_ENV.test(key)) env[key] = value;
  }
  const cargoHome = process.env.CARGO_HOME ?? join(homedir(), '.cargo');
  Object.assign(env, toolchain.env, {
    CARGO_TARGET_DIR: RUST_TARGET_DIR,
    CARGO_INCREMENTAL: '0',
    // 0x1f-separated, so a clone path with spaces survives.
    CARGO_ENCODED_RUSTFLAGS: [
      `--remap-path-prefix=${cargoHome}=/cargo-home`,
      `--remap-path-prefix=${REPO_ROOT}=${REMAPPED_ROOT}`,
      `--remap-path-prefix=${RUST_TARGET_DIR}=/target`,
    ].join('\x1f'),
  });
  const { stdout } = await execa(
    toolchain.cargo,
    ['metadata', '--no-deps', '--format-version', '1', '--offline', '--locked'],
    { cwd: RUST_WORKSPACE, env, extendEnv: false },
  );
  const members = (JSON.parse(stdout) as CargoMetadata).packages
    .filter((pkg) => pkg.targets.some((t) => t.kind.includes('cdylib')) && wanted(pkg.name))
    .map((pkg) => pkg.name)
    .sort();
  if (members.length > 0) {
    log(`rust: ${toolchain.rustcVersion}, target ${toolchain.target}, ${members.length} crates`);
    await execa(
      toolchain.cargo,
      [
        'build',
        '--release',
        '--target',
        toolchain.target,
        '--locked',
        '--offline',
        ...members.flatMap((name) => ['-p', name]),
      ],
      { cwd: RUST_WORKSPACE, env, extendEnv: false, stdout: 'inherit', stderr: 'inherit' },
    );
    for (const name of members) {
      const module = join(
        RUST_TARGET_DIR,
        toolchain.target,
        'release',
        `${name.replace(/-/g, '_')}.wasm`,
      );
      await copyFile(module, join(DIST, `${name}.wasm`));
      await record(built, name, 'rust');
    }
  }
  return `${toolchain.rustcVersion}, ${toolchain.cargoVersion}, ${toolchain.target}`;
}

// --------------------------------------------------------------------------------------------
// C
// --------------------------------------------------------------------------------------------

const C_TARGET = 'wasm32-wasi';
const C_SYSROOTS = ['/usr', '/usr/share/wasi-sysroot', '/opt/wasi-sdk/share/wasi-sysroot'];
/** The ABI's function exports: the required ones must exist, the optional ones may. */
const REQUIRED_EXPORTS = ['process', 'plugin_info'];
const OPTIONAL_EXPORTS = [
  'plugin_version',
  'init',
  'cleanup',
  'alloc',
  'dealloc',
  'tokenize',
  'resize_image',
];

function onPath(command: string): string | undefined {
  const dirs = command.includes('/') ? [''] : (process.env.PATH ?? '').split(delimiter);
  for (const dir of dirs) {
    const path = dir ? join(dir, command) : resolve(command);
    if (existsSync(path)) return path;
  }
  return undefined;
}

async function findClang(): Promise<{ clang: string; sysroot: string; version: string }> {
  const sysroot = [process.env.WASI_SYSROOT, ...C_SYSROOTS].find(
    (root) => root !== undefined && existsSync(join(root, 'lib', C_TARGET, 'crt1-reactor.o')),
  );
  if (sysroot === undefined) {
    throw new ToolchainMissing(
      'no wasi-libc sysroot found; Debian: apt-get install -y wasi-libc (or set WASI_SYSROOT)',
    );
  }
  const names = [process.env.CLANG, 'clang', ...[19, 18, 17, 16, 15, 14].map((v) => `clang-${v}`)];
  for (const name of names) {
    if (!name) continue;
    const clang = onPath(name);
    if (clang === undefined) continue;
    const version = await firstLine(clang, ['--version']);
    const builtins = await firstLine(clang, [`--target=${C_TARGET}`, '-print-libgcc-file-name']);
    if (version && builtins && existsSync(builtins)) return { clang, sysroot, version };
  }
  throw new ToolchainMissing(
    'no clang with wasm32 support found; Debian: apt-get install -y clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32',
  );
}

async function buildC(
  wanted: (name: string) => boolean,
  built: Record<string, Built>,
  verbose: boolean,
): Promise<string> {
  const sources = (await readdir(C_DIR))
    .filter((f) => f.endsWith('.c') && wanted(basename(f, '.c')))
    .sort();
  if (sources.length === 0) return 'not used';
  const { clang, sysroot, version } = await findClang();
  log(`c: ${version}, ${sources.length} plugins`);
  // PATH (clang finds wasm-ld on it) and a fixed locale, nothing else.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };
  for (const source of sources) {
    const name = basename(source, '.c');
    const partial = join(DIST, `.${name}.wasm.partial`);
    const args = [
      `--target=${C_TARGET}`,
      `--sysroot=${sysroot}`,
      '-mexec-model=reactor',
      '-std=c11',
      '-O2',
      '-Wall',
      '-Wextra',
      '-g0',
      `-ffile-prefix-map=${REPO_ROOT}=${REMAPPED_ROOT}`,
      ...REQUIRED_EXPORTS.map((e) => `-Wl,--export=${e}`),
      ...OPTIONAL_EXPORTS.map((e) => `-Wl,--export-if-defined=${e}`),
      '-Wl,--strip-all',
      '-o',
      partial,
      source,
    ];
    if (verbose) log(`(cd ${relative(process.cwd(), C_DIR)} && ${clang} ${args.join(' ')})`);
    try {
      await execa(clang, args, {
        cwd: C_DIR,
        env,
        extendEnv: false,
        stdout: 'inherit',
        stderr: 'inherit',
      });
      await rename(partial, join(DIST, `${name}.wasm`));
    } finally {
      await rm(partial, { force: true });
    }
    await record(built, name, 'c');
  }
  return version;
}

// --------------------------------------------------------------------------------------------
// WAT
// --------------------------------------------------------------------------------------------

async function buildWat(
  wanted: (name: string) => boolean,
  built: Record<string, Built>,
): Promise<string> {
  const sources = (await readdir(WAT_DIR))
    .filter((f) => f.endsWith('.wat') && wanted(basename(f, '.wat')))
    .sort();
  if (sources.length === 0) return 'not used';
  const wabt = await wabtInit();
  log(`wat: wabt (npm), ${sources.length} plugins`);
  for (const source of sources) {
    const name = basename(source, '.wat');
    const text = await readFile(join(WAT_DIR, source), 'utf8');
    const module = wabt.parseWat(source, text);
    try {
      module.validate();
      const { buffer } = module.toBinary({});
      await writeFile(join(DIST, `${name}.wasm`), new Uint8Array(buffer));
    } finally {
      module.destroy();
    }
    await record(built, name, 'wat');
  }
  const pkg = JSON.parse(
    await readFile(join(REPO_ROOT, 'node_modules', 'wabt', 'package.json'), 'utf8'),
  ) as { version: string };
  return `wabt ${pkg.version}`;
}

// --------------------------------------------------------------------------------------------
// AssemblyScript
// --------------------------------------------------------------------------------------------

async function buildAssemblyScript(
  wanted: (name: string) => boolean,
  built: Record<string, Built>,
  verbose: boolean,
): Promise<string> {
  // build.json: { "<name>": [asc flags...] }, the flags each plugin's author chose.
  const flags = JSON.parse(await readFile(join(AS_DIR, 'build.json'), 'utf8')) as Record<
    string,
    string[]
  >;
  const names = Object.keys(flags).filter(wanted).sort();
  if (names.length === 0) return 'not used';
  const asc = join(AS_DIR, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  if (!existsSync(asc)) {
    log('assemblyscript: installing the pinned compiler (npm ci)');
    await execa('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: AS_DIR,
      stdout: 'inherit',
      stderr: 'inherit',
    });
  }
  const pkg = JSON.parse(
    await readFile(join(AS_DIR, 'node_modules', 'assemblyscript', 'package.json'), 'utf8'),
  ) as { version: string };
  log(`assemblyscript: asc ${pkg.version}, ${names.length} plugins`);
  for (const name of names) {
    const out = join(DIST, `${name}.wasm`);
    const args = [asc, `${name}.ts`, ...(flags[name] ?? []), '-o', out];
    if (verbose) log(`(cd ${relative(process.cwd(), AS_DIR)} && node ${args.join(' ')})`);
    await execa(process.execPath, args, { cwd: AS_DIR, stdout: 'inherit', stderr: 'inherit' });
    await record(built, name, 'assemblyscript');
  }
  return `assemblyscript ${pkg.version}`;
}

// --------------------------------------------------------------------------------------------
// Command line
// --------------------------------------------------------------------------------------------

class ToolchainMissing extends Error {}

async function main(): Promise<number> {
  let values: { only?: string; verbose?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: 'string' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 64;
  }
  if (values.help) {
    console.log(
      [
        'Usage: tsx scripts/build-field-plugins.ts [--only <name>[,<name>...]] [--verbose]',
        `  Builds ${relative(process.cwd(), FIELD)}/{rust,c,wat,assemblyscript} into ${relative(process.cwd(), DIST)}/<name>.wasm`,
        '  --only     build only these plugins (BUILD-INFO.json is then left alone)',
        '  --verbose  print each clang and asc command line',
      ].join('\n'),
    );
    return 0;
  }
  const only = values.only?.split(',').filter(Boolean);
  const wanted = (name: string) => only === undefined || only.includes(name);
  const verbose = values.verbose ?? false;

  const started = performance.now();
  await mkdir(DIST, { recursive: true });
  const built: Record<string, Built> = {};
  const toolchains: Record<string, string> = {};
  try {
    toolchains.rust = await buildRust(wanted, built);
    toolchains.c = await buildC(wanted, built, verbose);
    toolchains.wat = await buildWat(wanted, built);
    toolchains.assemblyscript = await buildAssemblyScript(wanted, built, verbose);
  } catch (error) {
    console.error(`build-field-plugins: ${error instanceof Error ? error.message : String(error)}`);
    return error instanceof ToolchainMissing ? 2 : 1;
  }

  // The manifest describes every plugin; say so when it and the sources disagree.
  const manifest = JSON.parse(await readFile(join(FIELD, 'manifest.json'), 'utf8')) as Array<{
    name: string;
  }>;
  const listed = new Set(manifest.map((entry) => entry.name));
  for (const name of Object.keys(built)) {
    if (!listed.has(name)) log(`warning: ${name} is not in manifest.json`);
  }
  if (only === undefined) {
    for (const name of listed) {
      if (!(name in built)) log(`warning: manifest.json lists ${name}, which was not built`);
    }
    const sorted = Object.fromEntries(Object.entries(built).sort(([a], [b]) => a.localeCompare(b)));
    await writeFile(
      join(DIST, 'BUILD-INFO.json'),
      `${JSON.stringify({ toolchains, plugins: sorted }, null, 2)}\n`,
    );
  }
  for (const [name, plugin] of Object.entries(built).sort(([a], [b]) => a.localeCompare(b))) {
    console.error(`  ${name} (${plugin.language}): ${plugin.size} bytes, sha256 ${plugin.sha256}`);
  }
  log(
    `${Object.keys(built).length} plugins in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
