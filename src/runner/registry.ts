import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Check } from '../check/define-check.js';

/** suites/ sits two levels above this file both in src/runner and in dist/src/runner. */
export const SUITES_DIR = fileURLToPath(new URL('../../suites/', import.meta.url));

const CHECK_FILE = /^(ZC-[A-Z]+-\d{3})\.(ts|js)$/;

/** Every check file under suites/<group>/, keyed by file name, which must be the rule id. */
export function listCheckFiles(): Array<{ id: string; group: string; path: string }> {
  const files: Array<{ id: string; group: string; path: string }> = [];
  for (const group of readdirSync(SUITES_DIR, { withFileTypes: true })) {
    if (!group.isDirectory()) continue;
    for (const name of readdirSync(join(SUITES_DIR, group.name))) {
      const match = CHECK_FILE.exec(name);
      if (match?.[1])
        files.push({ id: match[1], group: group.name, path: join(SUITES_DIR, group.name, name) });
    }
  }
  return files.sort((a, b) => a.id.localeCompare(b.id));
}

let loaded: Promise<Map<string, Check>> | undefined;

/** Every check, keyed by rule id; loaded once per thread. */
export function loadChecks(): Promise<Map<string, Check>> {
  loaded ??= importChecks();
  return loaded;
}

async function importChecks(): Promise<Map<string, Check>> {
  const checks = new Map<string, Check>();
  for (const file of listCheckFiles()) {
    const loaded = (await import(pathToFileURL(file.path).href)) as { default?: Check };
    const check = loaded.default;
    if (!check || check.id !== file.id) {
      throw new Error(`${file.path} must default-export defineCheck('${file.id}', ...)`);
    }
    checks.set(check.id, check);
  }
  return checks;
}
