// Locates a Rust toolchain that can build the plugin workspaces (the reference plugins and the
// broken-plugin corpus's Rust fixtures) for wasm. Shared by scripts/build-plugins.ts and the
// tests, so both agree on which compiler "the" compiler is.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstLine } from './first-line.js';

export type WasmTarget = 'wasm32-wasip1' | 'wasm32-wasi';

export interface RustToolchain {
  /** Command or absolute path of rustc. */
  rustc: string;
  /** Command or absolute path of the matching cargo. */
  cargo: string;
  /** Command or absolute path of the matching rustdoc (cargo test runs it for doc tests). */
  rustdoc: string;
  target: WasmTarget;
  sysroot: string;
  /** First line of `rustc --version`, e.g. `rustc 1.63.0`. Recorded in BUILD-INFO.json. */
  rustcVersion: string;
  /** First line of `cargo --version`. */
  cargoVersion: string;
  /**
   * Environment for running `cargo`. cargo runs whatever `rustc`/`rustdoc` it finds on PATH
   * unless told otherwise, and here PATH starts with rustup's 1.95 (no wasm std), so Debian's
   * /usr/bin/cargo would silently compile with the wrong compiler without these.
   */
  env: Record<string, string>;
}

/** What to install when no toolchain is found (Debian 12; see /work/shared/TOOLCHAIN.md). */
export const INSTALL_HINT = 'apt-get install -y rustc cargo libstd-rust-dev-wasm32 lld';

interface Candidate {
  rustc: string;
  cargo: string;
  rustdoc: string;
}

const PATH_CANDIDATE: Candidate = { rustc: 'rustc', cargo: 'cargo', rustdoc: 'rustdoc' };
const DEBIAN_CANDIDATE: Candidate = {
  rustc: '/usr/bin/rustc',
  cargo: '/usr/bin/cargo',
  rustdoc: '/usr/bin/rustdoc',
};

// Order matters: a toolchain with `wasm32-wasip1` (rustc >= 1.78) is preferred to the old
// `wasm32-wasi` name (same ABI, removed in rustc 1.84), and PATH is preferred to /usr/bin so
// a developer's rustup toolchain wins once it has the target.
const SEARCH_ORDER: ReadonlyArray<readonly [Candidate, WasmTarget]> = [
  [PATH_CANDIDATE, 'wasm32-wasip1'],
  [DEBIAN_CANDIDATE, 'wasm32-wasip1'],
  [PATH_CANDIDATE, 'wasm32-wasi'],
  [DEBIAN_CANDIDATE, 'wasm32-wasi'],
];

/**
 * Returns the first toolchain whose sysroot has the wasm standard library, or undefined.
 * The sysroot check is what matters: rustc lists wasm targets it has no std for, and the
 * resulting "can't find crate for `std`" error is much less clear than our install hint.
 */
export async function findWasmToolchain(): Promise<RustToolchain | undefined> {
  const sysroots = new Map<string, string | undefined>();
  for (const [candidate, target] of SEARCH_ORDER) {
    if (!sysroots.has(candidate.rustc)) {
      sysroots.set(candidate.rustc, await firstLine(candidate.rustc, ['--print', 'sysroot']));
    }
    const sysroot = sysroots.get(candidate.rustc);
    if (sysroot === undefined) continue;
    if (!existsSync(join(sysroot, 'lib', 'rustlib', target))) continue;

    const rustcVersion = await firstLine(candidate.rustc, ['--version']);
    const cargoVersion = await firstLine(candidate.cargo, ['--version']);
    if (rustcVersion === undefined || cargoVersion === undefined) continue;
    return {
      ...candidate,
      target,
      sysroot,
      rustcVersion,
      cargoVersion,
      env: { RUSTC: candidate.rustc, RUSTDOC: candidate.rustdoc },
    };
  }
  return undefined;
}

/** The message printed when {@link findWasmToolchain} finds nothing. */
export function missingToolchainMessage(): string {
  return [
    'No Rust toolchain with a wasm standard library was found.',
    'Looked for `rustc --print sysroot`/lib/rustlib/wasm32-wasip1 (rustc on PATH, then',
    '/usr/bin/rustc), then the same for wasm32-wasi.',
    `On Debian/Ubuntu install one with:  ${INSTALL_HINT}`,
    '(or, where rustup can download: rustup target add wasm32-wasip1)',
  ].join('\n');
}
