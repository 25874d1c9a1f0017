// The end-to-end tests run the compiled package (vitest.config.ts): their imports of src/ and
// suites/ resolve to dist/. A dist/ older than its sources would test yesterday's tool, so the
// run refuses to start on one; `npm test` builds it first, `npm run build` by hand.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const COMPILED = ['src', 'suites'] as const;

/** A Vite plugin: relative imports of src/ or suites/ from test files (not test/unit/) go to dist/. */
export function builtPackage(testDir: string): {
  name: string;
  enforce: 'pre';
  resolveId(source: string, importer: string | undefined): string | null;
} {
  const unitDir = join(testDir, 'unit') + sep;
  return {
    name: 'zenith-conform:built-package',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!source.startsWith('.') || !importer?.startsWith(testDir + sep)) return null;
      if (importer.startsWith(unitDir)) return null;
      const target = resolve(dirname(importer), source);
      for (const folder of COMPILED) {
        const inside = relative(join(ROOT, folder), target);
        if (inside.startsWith('..') || inside.startsWith(sep)) continue;
        return join(ROOT, 'dist', folder, inside.replace(/\.ts$/, '.js'));
      }
      return null;
    },
  };
}

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** The globalSetup of the end-to-end tier: a clear stop when dist/ is missing or stale. */
export default function requireFreshBuild(): void {
  let built = Infinity;
  try {
    for (const file of filesUnder(join(ROOT, 'dist')))
      built = Math.min(built, statSync(file).mtimeMs);
  } catch {
    built = -Infinity;
  }
  if (built === -Infinity || built === Infinity) {
    throw new Error('dist/ is missing: run `npm run build` (npm test builds it first)');
  }
  for (const folder of COMPILED) {
    for (const file of filesUnder(join(ROOT, folder))) {
      if (file.endsWith('.ts') && statSync(file).mtimeMs > built) {
        throw new Error(
          `dist/ is older than ${relative(ROOT, file)}: run \`npm run build\` (npm test builds it first); the end-to-end tests run the built package`,
        );
      }
    }
  }
}
