// Builds two sets of Rust plugins for wasm and copies the modules, with a BUILD-INFO.json next
// to them:
//
//   set        sources                                      output (<package>.wasm, BUILD-INFO.json)
//   reference  reference-plugins/ (cargo workspace)         reference-plugins/dist/
//   broken     reference-plugins/broken/mutations/*.patch   reference-plugins/broken/dist/
//
// The broken set is the Rust part of the broken-plugin corpus: each fixture is a reference
// plugin plus one patch (mutations/<fixture>.patch, a unified diff whose header names the base
// crate and the bug). For every patch the base crate is copied into a workspace generated under
// the set's cargo target directory (<target-dir>/broken/workspace/<fixture>/), the patch is
// applied with scripts/apply-patch.ts (exact context, no fuzz: a patch that no longer applies
// to its reference fails the build, naming the hunk and line), and that workspace is built like
// the reference one. It is a separate workspace so that nothing in it can pass for a reference
// plugin, and it is regenerated on every build (files are rewritten only when their content
// changes, so cargo's incremental checks still work).
//
//   tsx scripts/build-plugins.ts [--set reference|broken] [--out <dir>] [--target-dir <dir>]
//
// With --out, the reference set goes to <dir> itself (as before the broken set existed) and the
// broken set to <dir>/broken; --target-dir likewise uses <dir> and <dir>/broken.
//
// The output is meant to be byte-identical for the same rustc/cargo whatever the clone path,
// which the reference-plugins test checks by rebuilding both sets into a temporary directory.
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
import { mutationWorkspaceFiles, readMutations, syncDirectory } from './mutation-workspace.js';
import {
  PLUGIN_SETS,
  REFERENCE_WORKSPACE,
  mutationWorkspace,
  type MutationPluginSet,
  type PluginSet,
  type PluginSetName,
} from './plugin-sets.js';
import {
  buildCPlugins,
  findClang,
  missingClangMessage,
  type CBuildInfo,
} from './build-c-plugins.js';
import {
  findWasmToolchain,
  missingToolchainMessage,
  type RustToolchain,
} from './rust-toolchain.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export { PLUGIN_SETS, type PluginSet, type PluginSetName };
const DEFAULT_TARGET_DIR = join(REPO_ROOT, 'reference-plugins', 'target');

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
  /** The reference set's C plugins (reference-plugins/c-*), built with clang. */
  c?: CBuildInfo;
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

async function workspaceMembers(
  toolchain: RustToolchain,
  env: NodeJS.ProcessEnv,
  workspace: string,
) {
  const { stdout } = await execa(
    toolchain.cargo,
    ['metadata', '--no-deps', '--format-version', '1', '--offline', '--locked'],
    { cwd: workspace, env, extendEnv: false },
  );
  const metadata = JSON.parse(stdout) as CargoMetadata;
  const members: Member[] = [];
  for (const pkg of metadata.packages) {
    // Only cdylib crates produce a .wasm module; a shared helper crate would be an rlib.
    const lib = pkg.targets.find((t) => t.kind.includes('cdylib'));
    // `cargo metadata` names an unnamed lib target after the package (`text-normalize`), but
    // rustc's crate name, and so the module's file name, has underscores (`text_normalize`).
    if (lib) {
      members.push({
        packageName: pkg.name,
        version: pkg.version,
        libName: lib.name.replace(/-/g, '_'),
      });
    }
  }
  return members.sort((a, b) => a.packageName.localeCompare(b.packageName));
}

/** Builds one workspace (the reference set unless told otherwise) into `out`. */
export async function buildPlugins(options: {
  out: string;
  targetDir: string;
  toolchain: RustToolchain;
  /** The cargo workspace directory; default the reference plugins'. */
  workspace?: string;
}): Promise<BuildInfo> {
  const { out, targetDir, toolchain } = options;
  const workspace = options.workspace ?? REFERENCE_WORKSPACE;
  const env = buildEnv(toolchain, targetDir);
  const members = await workspaceMembers(toolchain, env, workspace);
  if (members.length === 0)
    throw new Error(`no cdylib members in ${join(workspace, 'Cargo.toml')}`);

  await execa(
    toolchain.cargo,
    ['build', '--release', '--workspace', '--target', toolchain.target, '--locked', '--offline'],
    // cargo's progress goes to stderr, which the caller sees as it happens.
    { cwd: workspace, env, extendEnv: false, stdout: 'inherit', stderr: 'inherit' },
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

/** One broken fixture: a reference crate and the patch that breaks it. */
export async function buildMutations(options: {
  out: string;
  targetDir: string;
  toolchain: RustToolchain;
  set: MutationPluginSet;
}): Promise<BuildInfo> {
  const { out, targetDir, toolchain, set } = options;
  const mutations = await readMutations(set);
  const workspace = mutationWorkspace(targetDir);
  await syncDirectory(workspace, await mutationWorkspaceFiles(set, mutations));
  const info = await buildPlugins({ out, targetDir, toolchain, workspace });
  const built = Object.keys(info.plugins).sort();
  const expected = mutations.map((m) => m.fixture);
  if (built.join() !== expected.join()) {
    throw new Error(`built ${built.join(', ')} from patches for ${expected.join(', ')}`);
  }
  return info;
}

/** Where a set is written and built, given the command line's --out and --target-dir. */
export function setDirectories(
  set: PluginSet,
  options: { out?: string | undefined; targetDir?: string | undefined },
): { out: string; targetDir: string } {
  return {
    out: options.out === undefined ? set.dist : join(resolve(options.out), set.subdir),
    targetDir: join(resolve(options.targetDir ?? DEFAULT_TARGET_DIR), set.subdir),
  };
}

async function main(): Promise<number> {
  let values: { set?: string; out?: string; 'target-dir'?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        set: { type: 'string' },
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
  const rel = (path: string) => relative(process.cwd(), path) || '.';
  const sources = (set: PluginSet) =>
    set.name === 'reference'
      ? rel(join(set.workspace, 'Cargo.toml'))
      : `${rel(join(set.mutations, '*.patch'))} (on ${rel(set.baseWorkspace)}/<base>)`;
  if (values.help) {
    console.log(
      [
        'Usage: tsx scripts/build-plugins.ts [--set reference|broken] [--out <dir>] [--target-dir <dir>]',
        '  --set         build only this set (default: both)',
        ...PLUGIN_SETS.map(
          (set) => `                ${set.name}: ${sources(set)} -> ${rel(set.dist)}`,
        ),
        '  --out         where to write <plugin>.wasm and BUILD-INFO.json: the reference set in',
        "                <dir>, the broken set in <dir>/broken (default: each set's directory above)",
        `  --target-dir  cargo target directory, <dir>/broken for the broken set (default ${rel(DEFAULT_TARGET_DIR)})`,
      ].join('\n'),
    );
    return 0;
  }
  const sets = PLUGIN_SETS.filter((set) => values.set === undefined || set.name === values.set);
  if (sets.length === 0) {
    console.error(
      `unknown --set ${JSON.stringify(values.set)}: expected ${PLUGIN_SETS.map((set) => set.name).join(' or ')}`,
    );
    return 64;
  }

  const toolchain = await findWasmToolchain();
  if (!toolchain) {
    console.error(missingToolchainMessage());
    return 2;
  }

  const started = performance.now();
  console.error(
    `build-plugins: ${toolchain.rustcVersion} (${toolchain.rustc}), ${toolchain.cargoVersion}, target ${toolchain.target}`,
  );
  for (const set of sets) {
    const { out, targetDir } = setDirectories(set, {
      out: values.out,
      targetDir: values['target-dir'],
    });
    const setStarted = performance.now();
    console.error(`build-plugins: ${set.name} set (${sources(set)})`);
    let info: BuildInfo;
    try {
      if (set.name === 'broken') {
        info = await buildMutations({ out, targetDir, toolchain, set });
      } else {
        info = await buildPlugins({ out, targetDir, toolchain, workspace: set.workspace });
        // The plugin in another language: the suite is about the ABI, not about Rust.
        const clang = await findClang();
        if (!clang) {
          console.error(missingClangMessage());
          return 2;
        }
        info.c = await buildCPlugins(out);
        await writeFile(join(out, 'BUILD-INFO.json'), `${JSON.stringify(info, null, 2)}\n`);
      }
    } catch (error) {
      // execa's message already includes the command; cargo's own output was streamed above.
      console.error(`build-plugins: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    for (const [name, plugin] of Object.entries({ ...info.plugins, ...info.c?.plugins })) {
      console.error(
        `  ${name}: ${join(out, plugin.file)} (${plugin.size} bytes, sha256 ${plugin.sha256})`,
      );
    }
    console.error(
      `build-plugins: ${set.name} set done in ${((performance.now() - setStarted) / 1000).toFixed(1)} s`,
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
