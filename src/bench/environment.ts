import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import type { Environment } from '../spec-model/bench-report-types.generated.js';

/** Versions of our own pinned dependencies, as package.json pins them (exact versions). */
function pinnedVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return manifest.dependencies?.[name] ?? 'unknown';
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
    tinybench: pinnedVersion('tinybench'),
    ...(countedInstructions ? { binaryen: pinnedVersion('binaryen') } : {}),
  };
}
