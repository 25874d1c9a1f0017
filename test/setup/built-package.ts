// The end-to-end tests run the compiled package (vitest.config.ts): their imports of src/ and
// suites/ resolve to dist/. A dist/ older than its sources would test yesterday's tool, so the
// run refuses to start on one; `npm test` builds it first, `npm run build` by hand.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

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
        if (inside.startsWith('..') || isAbsolute(inside)) continue;
        return join(ROOT, 'dist', folder, inside.replace(/\.ts$/, '.js'));
      }
      return null;
    },
  };
}

/** Every file under `dir`, as absolute paths. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

/** The globalSetup of the end-to-end tier: a clear stop when dist/ is missing or stale. */
export default function requireFreshBuild(): void {
  const dist = join(ROOT, 'dist');
  const compiled = existsSync(dist) ? filesUnder(dist) : [];
  if (compiled.length === 0) {
    throw new Error('dist/ is missing: run `npm run build` (npm test builds it first)');
  }
  // tsc writes every file of a build: the oldest is when the build began.
  const built = Math.min(...compiled.map((file) => statSync(file).mtimeMs));
  for (const folder of COMPILED) {
    const newer = filesUnder(join(ROOT, folder)).find(
      (file) => file.endsWith('.ts') && statSync(file).mtimeMs > built,
    );
    if (newer) {
      throw new Error(
        `dist/ is older than ${relative(ROOT, newer)}: run \`npm run build\` (npm test builds it first); the end-to-end tests run the built package`,
      );
    }
  }
}
