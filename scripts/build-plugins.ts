// Builds every member of the reference-plugins cargo workspace for wasm and copies the modules
// to reference-plugins/dist/<package-name>.wasm, with BUILD-INFO.json next to them.
//
//   tsx scripts/build-plugins.ts [--out <dir>] [--target-dir <dir>]
//
// The output is meant to be byte-identical for the same rustc/cargo whatever the clone path,
// which the reference-plugins test checks by rebuilding into a temporary directory.
//
// Naming: a plugin is named after its cargo package (`text-normalize`), while rustc names the
// module after the lib crate (`text_normalize.wasm`); dist uses the package name.
//
// Exit codes: 0 built, 1 build failed, 2 no wasm-capable toolchain (message says what to
// install), 64 bad command line.

import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import {
  findWasmToolchain,
  missingToolchainMessage,
  type RustToolchain,
} from './rust-toolchain.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WORKSPACE = join(REPO_ROOT, 'reference-plugins');
const MANIFEST = join(WORKSPACE, 'Cargo.toml');
const DEFAULT_OUT = join(WORKSPACE, 'dist');
const DEFAULT_TARGET_DIR = join(WORKSPACE, 'target');

export interface PluginInfo {
  /** Cargo package version. */
  version: string;
  file: string;
  size: number;
  sha256: string;
}

export interface BuildInfo {
  rustc: string;
  cargo: string;
  target: string;
  profile: 'release';
  plugins: Record<string, PluginInfo>;
}

interface Member {
  packageName: string;
  version: string;
  libName: string;
}

interface CargoMetadata {
  packages: Array<{
    name: string;
    version: string;
    targets: Array<{ name: string; kind: string[] }>;
  }>;
}

// Anything here changes what rustc is asked to do, so a developer's shell setting one of them
// would make their build differ from everyone else's. Config files can still do the same;
// CARGO_ENCODED_RUSTFLAGS at least overrides every other source of rustflags.
const DROPPED_ENV =
  /^(RUSTFLAGS|RUSTC_WRAPPER|RUSTC_WORKSPACE_WRAPPER|CARGO_BUILD_.*|CARGO_PROFILE_.*|CARGO_TARGET_.*|CARGO_ENCODED_RUSTFLAGS|CARGO_INCREMENTAL)$/;

function buildEnv(toolchain: RustToolchain, targetDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!DROPPED_ENV.test(key)) env[key] = value;
  }
  const cargoHome = process.env.CARGO_HOME ?? join(homedir(), '.cargo');
  // rustc uses the last matching prefix, so the most specific paths go last (the default
  // target dir is inside the repository). The replacements are fixed strings, so the bytes
  // rustc sees for our sources do not depend on where the repository is cloned.
  const remaps = [
    `--remap-path-prefix=${cargoHome}=/cargo-home`,
    `--remap-path-prefix=${REPO_ROOT}=/zenith-conform`,
    `--remap-path-prefix=${targetDir}=/target`,
  ];
  return {
    ...env,
    ...toolchain.env,
    CARGO_TARGET_DIR: targetDir,
    // The encoded form (0x1f-separated) survives spaces in the clone path; RUSTFLAGS would
    // split the flag at them.
    CARGO_ENCODED_RUSTFLAGS: remaps.join('\x1f'),
    CARGO_INCREMENTAL: '0',
  };
}

async function workspaceMembers(toolchain: RustToolchain, env: NodeJS.ProcessEnv) {
  const { stdout } = await execa(
    toolchain.cargo,
    ['metadata', '--no-deps', '--format-version', '1', '--offline', '--locked'],
    { cwd: WORKSPACE, env, extendEnv: false },
  );
  const metadata = JSON.parse(stdout) as CargoMetadata;
  const members: Member[] = [];
  for (const pkg of metadata.packages) {
    // Only cdylib crates produce a .wasm module; a shared helper crate would be an rlib.
    const lib = pkg.targets.find((t) => t.kind.includes('cdylib'));
    if (lib) members.push({ packageName: pkg.name, version: pkg.version, libName: lib.name });
  }
  return members.sort((a, b) => a.packageName.localeCompare(b.packageName));
}

export async function buildPlugins(options: {
  out: string;
  targetDir: string;
  toolchain: RustToolchain;
}): Promise<BuildInfo> {
  const { out, targetDir, toolchain } = options;
  const env = buildEnv(toolchain, targetDir);
  const members = await workspaceMembers(toolchain, env);
  if (members.length === 0) throw new Error(`no cdylib members in ${MANIFEST}`);

  await execa(
    toolchain.cargo,
    ['build', '--release', '--workspace', '--target', toolchain.target, '--locked', '--offline'],
    // cargo's progress goes to stderr, which the caller sees as it happens.
    { cwd: WORKSPACE, env, extendEnv: false, stdout: 'inherit', stderr: 'inherit' },
  );

  await mkdir(out, { recursive: true });
  const plugins: Record<string, PluginInfo> = {};
  for (const member of members) {
    const built = join(targetDir, toolchain.target, 'release', `${member.libName}.wasm`);
    const file = `${member.packageName}.wasm`;
    await copyFile(built, join(out, file));
    const bytes = await readFile(join(out, file));
    plugins[member.packageName] = {
      version: member.version,
      file,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
  }

  // No timestamps or paths: the file must come out identical on every machine with the same
  // toolchain, so a rebuild that changes nothing leaves no diff.
  const info: BuildInfo = {
    rustc: toolchain.rustcVersion,
    cargo: toolchain.cargoVersion,
    target: toolchain.target,
    profile: 'release',
    plugins,
  };
  await writeFile(join(out, 'BUILD-INFO.json'), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

async function main(): Promise<number> {
  let values: { out?: string; 'target-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
        'target-dir': { type: 'string' },
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
        'Usage: tsx scripts/build-plugins.ts [--out <dir>] [--target-dir <dir>]',
        `  --out         where to write <plugin>.wasm and BUILD-INFO.json (default ${relative(process.cwd(), DEFAULT_OUT) || '.'})`,
        `  --target-dir  cargo target directory (default ${relative(process.cwd(), DEFAULT_TARGET_DIR) || '.'})`,
      ].join('\n'),
    );
    return 0;
  }

  const toolchain = await findWasmToolchain();
  if (!toolchain) {
    console.error(missingToolchainMessage());
    return 2;
  }

  const out = resolve(values.out ?? DEFAULT_OUT);
  const targetDir = resolve(values['target-dir'] ?? DEFAULT_TARGET_DIR);
  const started = performance.now();
  console.error(
    `build-plugins: ${toolchain.rustcVersion} (${toolchain.rustc}), ${toolchain.cargoVersion}, target ${toolchain.target}`,
  );
  let info: BuildInfo;
  try {
    info = await buildPlugins({ out, targetDir, toolchain });
  } catch (error) {
    // execa's message already includes the command; cargo's own output was streamed above.
    console.error(`build-plugins: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  for (const [name, plugin] of Object.entries(info.plugins)) {
    console.error(
      `  ${name}: ${join(out, plugin.file)} (${plugin.size} bytes, sha256 ${plugin.sha256})`,
    );
  }
  console.error(`build-plugins: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

// Importing the module (e.g. from a test) must not start a build. Node reports the module's
// real path, so a clone reached through a symlink still counts as "run directly".
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
