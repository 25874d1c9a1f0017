import { join } from 'node:path';
import { execa } from 'execa';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'dist/src/cli/main.js');

/** Runs the built bin (what `npx zenith-conform` runs); never throws on a non-zero exit. */
export function cli(args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { NO_COLOR: '', FORCE_COLOR: '', ...env },
    reject: false,
    stripFinalNewline: false,
  });
}
