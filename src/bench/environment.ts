import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../util/package-root.js';
import type { Environment } from '../spec-model/bench-report-types.generated.js';

interface Manifest {
  name?: string;
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const readManifest = (file: string): Manifest => JSON.parse(readFileSync(file, 'utf8')) as Manifest;

/** The version of the copy of a package that this process loads, from its own package.json. */
function installedVersion(name: string): string | undefined {
  let dir: string;
  try {
    dir = dirname(fileURLToPath(import.meta.resolve(name)));
  } catch {
    return undefined;
  }
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const manifest = readManifest(file);
      if (manifest.name === name && manifest.version) return manifest.version;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The version of a dependency that timed or counted: the installed copy's own version, else
 * the range our package.json asks for (binaryen is a dev and optional peer dependency, not a
 * runtime one), else `unknown`.
 */
export function dependencyVersion(name: string): string {
  const installed = installedVersion(name);
  if (installed) return installed;
  const manifest = readManifest(join(packageRoot(), 'package.json'));
  return (
    manifest.dependencies?.[name] ??
    manifest.devDependencies?.[name] ??
    manifest.peerDependencies?.[name] ??
    'unknown'
  );
}

/** Where the numbers come from: wall-clock figures only compare within one environment. */
export function benchEnvironment(countedInstructions: boolean): Environment {
  const cores = cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: process.platform,
    arch: process.arch,
    cpu: cores[0]?.model.trim() || 'unknown',
    cores: cores.length,
    date: new Date().toISOString(),
    tinybench: dependencyVersion('tinybench'),
    ...(countedInstructions ? { binaryen: dependencyVersion('binaryen') } : {}),
  };
}
