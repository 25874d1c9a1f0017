// The committed reference plugins (reference-plugins/dist) are what the suite tests hosts
// against, so they must be exactly what the committed sources build to, and must work in a
// bare WebAssembly engine without our host. The Rust fixtures of the broken-plugin corpus
// (reference-plugins/broken/dist, built from reference-plugins/broken/mutations) are held to the
// same byte-identical rebuild, so the corpus tests exactly what its sources say.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it, type TestContext } from 'vitest';
import { PLUGIN_SETS, setDirectories, type BuildInfo } from '../scripts/build-plugins.js';
import { findWasmToolchain, missingToolchainMessage } from '../scripts/rust-toolchain.js';
import { findClang, missingClangMessage } from '../scripts/build-c-plugins.js';

const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const WORKSPACE = join(REPO_ROOT, 'reference-plugins');
const DIST = join(WORKSPACE, 'dist');
const BUILD_SCRIPT = join(REPO_ROOT, 'scripts', 'build-plugins.ts');
const SLOW = 300_000;

const wasmFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.wasm'))
    .sort();

/** What is committed for each plugin set: its BUILD-INFO.json and its modules. */
const committed = PLUGIN_SETS.map((set) => ({
  set,
  info: JSON.parse(readFileSync(join(set.dist, 'BUILD-INFO.json'), 'utf8')) as BuildInfo,
  wasm: wasmFiles(set.dist),
}));
const toolchain = await findWasmToolchain();
const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());

/**
 * Skips with a visible reason on a developer machine, but fails in CI, where a missing or
 * different toolchain means the check we rely on silently stopped running.
 */
function skipOrFail(ctx: TestContext, reason: string): never {
  if (IN_CI) throw new Error(`${reason} (not skipped because CI is set)`);
  console.warn(`[reference-plugins] skipping "${ctx.task.name}": ${reason}`);
  return ctx.skip(reason);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('reference plugin binaries', () => {
  it('the reference set includes echo', () => {
    expect(committed.find((c) => c.set.name === 'reference')!.wasm).toContain('echo.wasm');
  });

  it.each(committed.map((c) => [c.set.name, c] as const))(
    'BUILD-INFO.json of the %s set lists exactly the committed modules, with their hashes',
    (_name, { set, info, wasm }) => {
      expect(wasm.length).toBeGreaterThan(0);
      const plugins = [...Object.values(info.plugins), ...Object.values(info.c?.plugins ?? {})];
      const listed = plugins.map((p) => p.file);
      expect(listed.sort()).toEqual(wasm);
      for (const plugin of plugins) {
        const bytes = readFileSync(join(set.dist, plugin.file));
        expect({ file: plugin.file, size: bytes.length, sha256: sha256(bytes) }).toEqual({
          file: plugin.file,
          size: plugin.size,
          sha256: plugin.sha256,
        });
      }
    },
  );

  it(
    'are byte-identical to a fresh build of the committed sources (both sets)',
    async (ctx) => {
      if (!toolchain) return skipOrFail(ctx, missingToolchainMessage());
      const clang = await findClang();
      for (const { set, info } of committed) {
        if (toolchain.rustcVersion !== info.rustc) {
          return skipOrFail(
            ctx,
            `found ${toolchain.rustcVersion} but ${set.name} dist was built with ${info.rustc}; ` +
              'a different compiler legitimately produces different bytes',
          );
        }
        if (info.c && clang?.version !== info.c.clang) {
          return skipOrFail(
            ctx,
            clang
              ? `found ${clang.version} but the C plugins were built with ${info.c.clang}`
              : missingClangMessage(),
          );
        }
      }

      // A fresh target dir too: reusing reference-plugins/target would let cargo hand back
      // cached artifacts and compare the previous build with itself.
      const scratch = await mkdtemp(join(tmpdir(), 'zenith-plugins-'));
      try {
        const options = { out: join(scratch, 'dist'), targetDir: join(scratch, 'target') };
        const result = await execa(
          process.execPath,
          [
            '--import',
            'tsx',
            BUILD_SCRIPT,
            '--out',
            options.out,
            '--target-dir',
            options.targetDir,
          ],
          { cwd: REPO_ROOT, all: true, reject: false },
        );
        expect(result.exitCode, result.all).toBe(0);

        // Soft assertions: a stale module in one set must not hide the state of the other.
        for (const { set, info, wasm } of committed) {
          // The same mapping the build script uses: <out> for the reference set (so its
          // layout is what it was before there were two sets), <out>/broken for the other.
          const out = setDirectories(set, options).out;
          const freshWasm = (await readdir(out)).filter((f) => f.endsWith('.wasm')).sort();
          expect.soft(freshWasm, `${set.name} set: modules`).toEqual(wasm);
          for (const file of wasm.filter((f) => freshWasm.includes(f))) {
            const fresh = await readFile(join(out, file));
            const committedBytes = await readFile(join(set.dist, file));
            expect
              .soft(
                sha256(fresh),
                `${relative(REPO_ROOT, join(set.dist, file))} differs from a fresh build: run \`npm run build:plugins\` and commit ${relative(REPO_ROOT, set.dist)}`,
              )
              .toBe(sha256(committedBytes));
          }
          const freshInfo = JSON.parse(await readFile(join(out, 'BUILD-INFO.json'), 'utf8'));
          expect.soft(freshInfo, `${set.name} set: BUILD-INFO.json`).toEqual(info);
        }
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    },
    SLOW,
  );

  it(
    'pass their Rust unit tests on the host (cargo test)',
    async (ctx) => {
      // The wasm toolchain's cargo, so the tests also prove the sources still compile with the
      // rustc that builds dist (1.63 on Debian); any cargo will do when there is none.
      const cargo = toolchain?.cargo ?? 'cargo';
      const env = toolchain?.env ?? {};
      const probe = await execa(cargo, ['--version'], { env, reject: false });
      if (probe.failed) return skipOrFail(ctx, `no cargo found. ${missingToolchainMessage()}`);

      const result = await execa(cargo, ['test', '--workspace', '--offline', '--locked'], {
        cwd: WORKSPACE,
        env,
        all: true,
        reject: false,
      });
      expect(result.exitCode, result.all).toBe(0);
      expect(result.all).toMatch(/test result: ok\. [1-9]\d* passed/);
    },
    SLOW,
  );
});

describe('echo.wasm in a bare WebAssembly engine', () => {
  const OK = 0;
  const OUTPUT_TOO_SMALL = -3;
  const PAGE = 65_536;

  interface EchoExports {
    memory: WebAssembly.Memory;
    process(inputPtr: number, inputLen: number, outputPtr: number, outputLenPtr: number): number;
    plugin_info(): number;
    plugin_version(): number;
  }

  const echoPath = join(DIST, 'echo.wasm');

  async function instantiateEcho() {
    const module = await WebAssembly.compile(readFileSync(echoPath));
    // Every import answers 0 ("success") and does nothing: echo must not depend on WASI
    // behaving in any particular way, so a plugin that only passes with a real WASI
    // implementation behind it is not a reference.
    const imports: Record<string, Record<string, () => number>> = {};
    for (const imp of WebAssembly.Module.imports(module)) {
      if (imp.kind !== 'function') throw new Error(`unexpected ${imp.kind} import ${imp.name}`);
      (imports[imp.module] ??= {})[imp.name] = () => 0;
    }
    const instance = await WebAssembly.instantiate(module, imports);
    const exports = instance.exports as unknown as EchoExports & { _initialize?: () => void };
    exports._initialize?.();
    return { module, exports };
  }

  it('exports the ABI functions and none of the optional lifecycle ones', async () => {
    expect(existsSync(echoPath)).toBe(true);
    const { module } = await instantiateEcho();
    const functions = WebAssembly.Module.exports(module)
      .filter((e) => e.kind === 'function')
      .map((e) => e.name)
      .sort();
    expect(functions).toEqual(['plugin_info', 'plugin_version', 'process']);
    expect(WebAssembly.Module.exports(module)).toContainEqual({ name: 'memory', kind: 'memory' });
  });

  it('reports its name and version', async () => {
    const { exports } = await instantiateEcho();
    const bytes = new Uint8Array(exports.memory.buffer);
    const start = exports.plugin_info();
    const end = bytes.indexOf(0, start);
    expect(end).toBeGreaterThan(start);
    expect(new TextDecoder().decode(bytes.subarray(start, end))).toBe('echo v1.0.0');
    expect(exports.plugin_version()).toBe((1 << 16) | (0 << 8) | 0);
  });

  it('copies its input, and reports the needed size when the output is too small', async () => {
    const { exports } = await instantiateEcho();
    // A page of our own, past everything the module uses, for the buffers. Growing detaches
    // old views of memory.buffer, so views are taken only after this.
    const base = exports.memory.grow(1) * PAGE;
    const inputPtr = base;
    const outputPtr = base + 1024;
    // Deliberately unaligned: the ABI allows the host to put the length cell anywhere.
    const lenPtr = base + 2049;
    const mem = new Uint8Array(exports.memory.buffer);
    const view = new DataView(exports.memory.buffer);

    const input = new TextEncoder().encode('hello, zenith');
    mem.set(input, inputPtr);

    const call = (inputLen: number, capacity: number) => {
      mem.fill(0xaa, outputPtr, outputPtr + 64);
      view.setUint32(lenPtr, capacity, true);
      const rc = exports.process(inputPtr, inputLen, outputPtr, lenPtr);
      return { rc, len: view.getUint32(lenPtr, true) };
    };

    expect(call(input.length, 64)).toEqual({ rc: OK, len: input.length });
    expect(mem.subarray(outputPtr, outputPtr + input.length)).toEqual(input);
    expect(mem[outputPtr + input.length]).toBe(0xaa);

    expect(call(input.length, input.length)).toEqual({ rc: OK, len: input.length });
    expect(mem.subarray(outputPtr, outputPtr + input.length)).toEqual(input);

    expect(call(input.length, 4)).toEqual({ rc: OUTPUT_TOO_SMALL, len: input.length });
    expect(mem.subarray(outputPtr, outputPtr + 64).every((b) => b === 0xaa)).toBe(true);

    expect(call(0, 0)).toEqual({ rc: OK, len: 0 });
    expect(mem[outputPtr]).toBe(0xaa);

    expect(mem.subarray(inputPtr, inputPtr + input.length)).toEqual(input);
    expect(mem[lenPtr - 1]).toBe(0);
    expect(mem[lenPtr + 4]).toBe(0);
  });
});
