import { join } from 'node:path';
import { execa } from 'execa';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'dist/src/cli/main.js');

/**
 * Runs the built bin (what `npx zenith-conform` runs); never throws on a non-zero exit. Colour
 * follows picocolors' detection, so the variables it reads are cleared unless a test sets them
 * (CI turns colour on, as it should in a CI log, but not in these tests). GitHub Actions'
 * variables are cleared too, so that these tests print the same under Actions as anywhere.
 */
export function cli(args: string[], env: Record<string, string> = {}, input?: Uint8Array) {
  return execa(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: {
      NO_COLOR: '',
      FORCE_COLOR: '',
      CI: '',
      GITHUB_ACTIONS: '',
      GITHUB_STEP_SUMMARY: '',
      ...env,
    },
    reject: false,
    stripFinalNewline: false,
    ...(input ? { input } : {}),
  });
}
