// Builds every C reference plugin, reference-plugins/c-<name>/ (all its *.c files), with clang
// for wasm32-wasi into <out>/c-<name>.wasm: the same ABI as the Rust plugins, from another
// language, so the suite is seen to judge modules and not toolchains.
//
//   tsx scripts/build-c-plugins.ts [--out <dir>] [--verbose]
//
// Each plugin is one clang invocation (compile and link): a WASI reactor against wasi-libc,
// -O2, no debug info, symbols stripped. The exports are the spec's: `--export=` for each
// required function (a plugin without one fails to link, naming it) and `--export-if-defined=`
// for each optional one, so a plugin exports exactly the ABI functions it defines, plus
// `memory` and the reactor's `_initialize`.
//
// The output is byte-identical for the same clang and wasi-libc whatever the clone path: clang
// runs in the plugin's directory on relative file names, paths are remapped with
// -ffile-prefix-map, the environment is reduced to PATH and LC_ALL=C, and nothing records a time.
//
// Exit codes: 0 built, 1 build failed, 2 no usable clang/wasi-libc (message says what to
// install), 64 bad command line.

import { createHash } from 'node:crypto';
import { existsSync, realpathSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { loadSpec } from '../src/spec-model/load-spec.js';
import { firstLine } from './first-line.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PLUGINS_DIR = join(REPO_ROOT, 'reference-plugins');
const DEFAULT_OUT = join(PLUGINS_DIR, 'dist');
/** What the repository root is called inside the binaries (as build-plugins.ts does for rustc). */
const REMAPPED_ROOT = '/zenith-conform';
/** Directories holding C plugins: reference-plugins/c-<name>/. */
const C_PLUGIN_DIR = /^c-[a-z0-9][a-z0-9-]*$/;

export const WASM_TARGET = 'wasm32-wasi';

/** What to install when no toolchain is found (Debian 12; lld-14 gives clang-14 its wasm-ld). */
export const CLANG_INSTALL_HINT =
  'apt-get install -y --no-install-recommends clang-14 lld-14 wasi-libc libclang-rt-14-dev-wasm32';

export interface ClangToolchain {
  /**
   * Real path of clang (symlinks resolved: /usr/bin/clang-14 is /usr/lib/llvm-14/bin/clang).
   * Upstream clang looks for `wasm-ld` next to the path it was started as, so the real path
   * finds the wasm-ld of its own LLVM release rather than whichever one /usr/bin has (Debian's
   * clang-N instead runs `wasm-ld-N` from PATH, which lld-N provides).
   */
  clang: string;
  /** The wasm-ld clang will run (Debian: /usr/bin/wasm-ld-14, a link to its LLVM's wasm-ld). */
  wasmLd: string;
  /** The wasi-libc sysroot passed as --sysroot (Debian: /usr). */
  sysroot: string;
  /** First line of `clang --version`, e.g. `Debian clang version 14.0.6`. */
  version: string;
}

export interface CPluginInfo {
  /** Version from the module's own plugin_info (a C plugin has no manifest). */
  version: string;
  file: string;
  size: number;
  sha256: string;
  /** Source files, relative to the plugin's directory. */
  sources: string[];
}

export interface CBuildInfo {
  clang: string;
  target: typeof WASM_TARGET;
  plugins: Record<string, CPluginInfo>;
}

// --------------------------------------------------------------------------------------------
// Finding clang, wasm-ld, compiler-rt and wasi-libc
// --------------------------------------------------------------------------------------------

/** Newest first: a distribution's newest clang is the likeliest to be complete. */
const VERSIONED_CLANGS = [19, 18, 17, 16, 15, 14].map((major) => `clang-${major}`);

/** Where wasi-libc installs its sysroot: Debian/Ubuntu, Arch/Fedora, wasi-sdk. */
const SYSROOT_CANDIDATES = ['/usr', '/usr/share/wasi-sysroot', '/opt/wasi-sdk/share/wasi-sysroot'];

/** The real path of `command` (a path, or a name looked up on PATH), or undefined. */
function resolveCommand(command: string): string | undefined {
  const paths = command.includes('/')
    ? [resolve(command)]
    : (process.env.PATH ?? '').split(delimiter).flatMap((dir) => (dir ? [join(dir, command)] : []));
  for (const path of paths) {
    if (!existsSync(path)) continue;
    try {
      return realpathSync(path);
    } catch {
      // A dangling symlink: try the next directory.
    }
  }
  return undefined;
}

/**
 * The linker `clang` will run for a wasm32-wasi reactor, from a dry run (`-###` prints the
 * commands instead of running them; the link command comes last). That is the authoritative
 * answer: Debian's clang-N runs `wasm-ld-N` from PATH, not the `wasm-ld` that
 * `-print-prog-name` finds next to clang, and prints the bare name when it finds none.
 */
async function linkerOf(clang: string, sysroot: string): Promise<string | undefined> {
  try {
    const args = [`--target=${WASM_TARGET}`, `--sysroot=${sysroot}`, '-mexec-model=reactor'];
    const result = await execa(
      clang,
      [...args, '-###', '-x', 'c', '/dev/null', '-o', '/dev/null'],
      {
        reject: false,
        timeout: 30_000,
      },
    );
    const lines = result.stderr.trim().split('\n');
    return /^\s*"([^"]+)"/.exec(lines[lines.length - 1] ?? '')?.[1];
  } catch {
    return undefined;
  }
}

/** The first wasi-libc sysroot with what a reactor build links: crt1-reactor.o and libc.a. */
function findSysroot(): string | undefined {
  const explicit = process.env.WASI_SYSROOT;
  const candidates = explicit ? [explicit, ...SYSROOT_CANDIDATES] : SYSROOT_CANDIDATES;
  return candidates.find((root) =>
    ['crt1-reactor.o', 'libc.a'].every((file) => existsSync(join(root, 'lib', WASM_TARGET, file))),
  );
}

/**
 * Returns the first clang that can build a wasm32-wasi reactor, or undefined: `$CLANG`, then
 * `clang`, then `clang-19` down to `clang-14` (on PATH). A candidate counts only if clang runs,
 * its own wasm-ld exists (lld-N), its wasm32 compiler-rt builtins exist (clang links them into
 * every wasm module; Debian's libclang-rt-N-dev-wasm32), and a wasi-libc sysroot exists.
 * `onReject` hears why each candidate that exists was passed over.
 */
export async function findClang(
  options: { onReject?: (why: string) => void } = {},
): Promise<ClangToolchain | undefined> {
  const reject = options.onReject ?? (() => {});
  const sysroot = findSysroot();
  if (sysroot === undefined) {
    reject(
      `no wasi-libc sysroot (looked for lib/${WASM_TARGET}/crt1-reactor.o in $WASI_SYSROOT, ${SYSROOT_CANDIDATES.join(', ')}); Debian: wasi-libc`,
    );
    return undefined;
  }
  const names = [process.env.CLANG, 'clang', ...VERSIONED_CLANGS].filter(
    (name): name is string => !!name,
  );
  const seen = new Set<string>();
  for (const name of names) {
    const clang = resolveCommand(name);
    if (clang === undefined || seen.has(clang)) continue;
    seen.add(clang);

    const version = await firstLine(clang, ['--version']);
    if (version === undefined) {
      reject(`${name} (${clang}): \`--version\` failed`);
      continue;
    }
    const major = /version (\d+)\./.exec(version)?.[1] ?? 'N';
    const wasmLd = await linkerOf(clang, sysroot);
    if (wasmLd === undefined || !isAbsolute(wasmLd) || !existsSync(wasmLd)) {
      reject(
        `${name} (${version}): cannot find its wasm linker (${wasmLd ?? 'unknown'}); Debian: lld-${major}`,
      );
      continue;
    }
    const builtins = await firstLine(clang, [`--target=${WASM_TARGET}`, '-print-libgcc-file-name']);
    if (builtins === undefined || !existsSync(builtins)) {
      reject(
        `${name} (${version}): no wasm32 compiler-rt (${builtins ?? 'unknown path'}); Debian: libclang-rt-${major}-dev-wasm32`,
      );
      continue;
    }
    return { clang, wasmLd, sysroot, version };
  }
  reject(`no clang with wasm support found (tried ${names.join(', ')})`);
  return undefined;
}

/** The message printed when {@link findClang} finds nothing, with its reasons. */
export function missingClangMessage(reasons: readonly string[] = []): string {
  return [
    'No clang that can build wasm32-wasi reactors was found.',
    ...reasons.map((why) => `  - ${why}`),
    `On Debian 12 install one with:  ${CLANG_INSTALL_HINT}`,
    '(or use wasi-sdk and set CLANG=/opt/wasi-sdk/bin/clang)',
  ].join('\n');
}

// --------------------------------------------------------------------------------------------
// Building
// --------------------------------------------------------------------------------------------

/** The spec's function exports: required ones must be defined, optional ones may be. */
function abiFunctionExports(): { required: string[]; optional: string[] } {
  const required: string[] = [];
  const optional: string[] = [];
  for (const entry of loadSpec().exports) {
    // `_initialize` comes from wasi-libc's crt1-reactor.o and is exported by the reactor
    // model itself.
    if (entry.kind !== 'function' || entry.name.startsWith('_')) continue;
    (entry.required ? required : optional).push(entry.name);
  }
  return { required, optional };
}

/**
 * The clang arguments for one plugin, to run in its directory with `sources` relative to it.
 * Exported so that the README, a test or a curious user can see exactly what is run.
 */
export function clangArgs(
  toolchain: ClangToolchain,
  options: { sources: readonly string[]; output: string },
): string[] {
  const { required, optional } = abiFunctionExports();
  return [
    `--target=${WASM_TARGET}`,
    `--sysroot=${toolchain.sysroot}`,
    // A library the host calls many times, not a command: no _start, and wasi-libc's
    // crt1-reactor.o exports _initialize (static constructors), which the host calls first.
    '-mexec-model=reactor',
    '-std=c11',
    '-O2',
    '-Wall',
    '-Wextra',
    '-Wpedantic',
    '-Wconversion',
    // No debug info; and should any path still be recorded (assert's __FILE__, a future -g),
    // it names the repository as /zenith-conform wherever it was cloned.
    '-g0',
    `-ffile-prefix-map=${REPO_ROOT}=${REMAPPED_ROOT}`,
    ...required.map((name) => `-Wl,--export=${name}`),
    ...optional.map((name) => `-Wl,--export-if-defined=${name}`),
    // No name or producers sections: the suite reads exports, and function names are the only
    // thing a stripped module would lose.
    '-Wl,--strip-all',
    '-o',
    options.output,
    ...options.sources,
  ];
}

/** Calls the module's plugin_info to learn its name and version. */
async function readPluginInfo(bytes: Uint8Array): Promise<{ name: string; version: string }> {
  // A copy: TypeScript types a Buffer's backing store as possibly shared, not a BufferSource.
  const module = await WebAssembly.compile(new Uint8Array(bytes));
  // Every import is a stub that throws: plugin_info must not need the host.
  const imports: WebAssembly.Imports = {};
  for (const entry of WebAssembly.Module.imports(module)) {
    if (entry.kind !== 'function') continue;
    (imports[entry.module] ??= {})[entry.name] = () => {
      throw new Error(`plugin_info called ${entry.module}.${entry.name}`);
    };
  }
  const instance = await WebAssembly.instantiate(module, imports);
  const exports = instance.exports as Record<string, unknown>;
  if (typeof exports._initialize === 'function') (exports._initialize as () => void)();
  const memory = exports.memory;
  const info = exports.plugin_info;
  if (!(memory instanceof WebAssembly.Memory) || typeof info !== 'function') {
    throw new Error('the module does not export memory and plugin_info');
  }
  const start = (info as () => number)() >>> 0;
  const bytesView = new Uint8Array(memory.buffer);
  const end = bytesView.indexOf(0, start);
  if (end < 0 || end - start > 255) throw new Error('plugin_info is not a short C string');
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytesView.subarray(start, end));
  const match = /^(\S+) v(\d+\.\d+\.\d+\S*)$/.exec(text);
  if (!match) throw new Error(`plugin_info ${JSON.stringify(text)} is not "<name> v<semver>"`);
  return { name: match[1]!, version: match[2]! };
}

/** reference-plugins/c-*: the C plugins, sorted. */
async function cPluginDirs(pluginsDir: string): Promise<string[]> {
  const entries = await readdir(pluginsDir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && C_PLUGIN_DIR.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Builds reference-plugins/c-<name>/ into `<outDir>/c-<name>.wasm` for every C plugin, and
 * checks that each module's plugin_info names it `c-<name>`. Returns what was built; writes no
 * BUILD-INFO.json (the caller merges the result into its own).
 */
export async function buildCPlugins(
  outDir: string,
  options: {
    toolchain?: ClangToolchain;
    /** Prints each clang command line (relative to the plugin's directory) before running it. */
    log?: (line: string) => void;
  } = {},
): Promise<CBuildInfo> {
  const toolchain = options.toolchain ?? (await findClang());
  if (!toolchain) throw new Error(missingClangMessage());
  const names = await cPluginDirs(PLUGINS_DIR);
  if (names.length === 0) throw new Error(`no c-* plugins in ${PLUGINS_DIR}`);

  const out = resolve(outDir);
  await mkdir(out, { recursive: true });
  // Only PATH (for clang's own helper lookups) and a fixed locale: CPATH, C_INCLUDE_PATH,
  // CCC_OVERRIDE_OPTIONS and friends would otherwise change what clang does.
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };

  const plugins: Record<string, CPluginInfo> = {};
  for (const name of names) {
    const pluginDir = join(PLUGINS_DIR, name);
    const sources = (await readdir(pluginDir)).filter((file) => file.endsWith('.c')).sort();
    if (sources.length === 0) throw new Error(`${name}: no .c files in ${pluginDir}`);
    const file = `${name}.wasm`;
    // Written next to the destination, then renamed: a failed build leaves no partial module.
    const partial = join(out, `.${file}.partial`);
    const args = clangArgs(toolchain, { sources, output: partial });
    options.log?.(
      `(cd ${relative(process.cwd(), pluginDir) || '.'} && ${toolchain.clang} ${args.join(' ')})`,
    );
    try {
      await execa(toolchain.clang, args, {
        cwd: pluginDir,
        env,
        extendEnv: false,
        stdout: 'inherit',
        stderr: 'inherit',
      });
      const bytes = await readFile(partial);
      const info = await readPluginInfo(bytes);
      if (info.name !== name) {
        throw new Error(`${name}: plugin_info names the plugin ${JSON.stringify(info.name)}`);
      }
      await rename(partial, join(out, file));
      plugins[name] = {
        version: info.version,
        file,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        sources,
      };
    } finally {
      await rm(partial, { force: true });
    }
  }
  return { clang: toolchain.version, target: WASM_TARGET, plugins };
}

// --------------------------------------------------------------------------------------------
// Command line
// --------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let values: { out?: string; verbose?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        out: { type: 'string' },
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
        'Usage: tsx scripts/build-c-plugins.ts [--out <dir>] [--verbose]',
        `  --out      where to write c-<name>.wasm (default ${relative(process.cwd(), DEFAULT_OUT) || '.'})`,
        '  --verbose  print each clang command line',
      ].join('\n'),
    );
    return 0;
  }

  const reasons: string[] = [];
  const toolchain = await findClang({ onReject: (why) => reasons.push(why) });
  if (!toolchain) {
    console.error(missingClangMessage(reasons));
    return 2;
  }

  const out = resolve(values.out ?? DEFAULT_OUT);
  const started = performance.now();
  console.error(
    `build-c-plugins: ${toolchain.version} (${toolchain.clang}), wasm-ld ${toolchain.wasmLd}, sysroot ${toolchain.sysroot}`,
  );
  let info: CBuildInfo;
  try {
    info = await buildCPlugins(out, {
      toolchain,
      ...(values.verbose ? { log: (line: string) => console.error(line) } : {}),
    });
  } catch (error) {
    // execa's message already includes the command; clang's own output was streamed above.
    console.error(`build-c-plugins: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  for (const [name, plugin] of Object.entries(info.plugins)) {
    console.error(
      `  ${name}: ${join(out, plugin.file)} (v${plugin.version}, ${plugin.size} bytes, sha256 ${plugin.sha256})`,
    );
  }
  console.error(`build-c-plugins: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

// Importing the module (e.g. from a test) must not start a build. Node reports the module's
// real path, so a clone reached through a symlink still counts as "run directly".
if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
