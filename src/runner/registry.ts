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

let files: Map<string, string> | undefined;
const imported = new Map<string, Promise<Check>>();

/**
 * One rule's check, imported the first time it is asked for (a worker loads only the rules it
 * runs); undefined when no check file implements the rule.
 */
export function loadCheck(id: string): Promise<Check | undefined> {
  files ??= new Map(listCheckFiles().map((file) => [file.id, file.path]));
  const path = files.get(id);
  if (path === undefined) return Promise.resolve(undefined);
  let check = imported.get(id);
  if (!check) {
    check = importCheck(id, path);
    imported.set(id, check);
  }
  return check;
}

/** Every check, keyed by rule id; imported once per thread, side by side. */
export async function loadChecks(): Promise<Map<string, Check>> {
  const ids = listCheckFiles().map((file) => file.id);
  const checks = await Promise.all(ids.map((id) => loadCheck(id)));
  return new Map(ids.map((id, index) => [id, checks[index]!]));
}

async function importCheck(id: string, path: string): Promise<Check> {
  const loaded = (await import(pathToFileURL(path).href)) as { default?: Check };
  const check = loaded.default;
  if (!check || check.id !== id) {
    throw new Error(`${path} must default-export defineCheck('${id}', ...)`);
  }
  return check;
}
