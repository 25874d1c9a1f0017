import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder holding zenith-conform's package.json. Found by walking up because this file runs
 * from src/ under vitest and from dist/src/ when installed, at different depths.
 */
export function packageRoot(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name === 'zenith-conform') return (cached = dir);
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('zenith-conform: cannot find its own package.json');
    dir = parent;
  }
}

export function packageVersion(): string {
  const manifest = join(packageRoot(), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
