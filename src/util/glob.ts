import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

/**
 * Glob patterns for plugin arguments a shell did not expand (`'dist/*.wasm'`): Node 20 has no
 * fs.glob. `*` matches any characters within one path segment, `?` one character, and a `**`
 * segment any number of segments (none included). Wildcards do not match a leading `.` unless
 * the pattern's segment starts with one, and `**` does not descend into dot-directories or
 * through symbolic links, as in a shell with globstar.
 */

const MAGIC = /[*?]/;

/** Whether the text holds a wildcard this module expands. */
export const hasGlobMagic = (text: string): boolean => MAGIC.test(text);

/** One segment's pattern (`*.wasm`) as an anchored regular expression. */
export function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Whether a path (segments separated by `/`) matches a whole pattern, `**` included. */
export function globMatch(pattern: string, path: string): boolean {
  const parts = pattern.split('/');
  const names = path.split('/');
  const match = (p: number, n: number): boolean => {
    if (p === parts.length) return n === names.length;
    const part = parts[p]!;
    if (part === '**') {
      for (let skip = n; skip <= names.length; skip++) {
        if (skip > n && names[skip - 1]!.startsWith('.')) break;
        if (match(p + 1, skip)) return true;
      }
      return false;
    }
    if (n === names.length) return false;
    return segmentMatches(part, names[n]!) && match(p + 1, n + 1);
  };
  return match(0, 0);
}

function segmentMatches(part: string, name: string): boolean {
  if (!hasGlobMagic(part)) return part === name;
  if (name.startsWith('.') && !part.startsWith('.')) return false;
  return segmentRegExp(part).test(name);
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir === '' ? '.' : dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function kindOf(path: string, entry: Dirent): 'file' | 'dir' | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const info = statSync(path);
    return info.isFile() ? 'file' : info.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'other';
  }
}

const joined = (dir: string, name: string): string => (dir === '' ? name : join(dir, name));

/** The files (not directories) a pattern matches, sorted; empty when none does. */
export function expandGlob(pattern: string): string[] {
  const parts = pattern.split('/');
  // The segments before the first wildcard are a plain directory to start from.
  let first = parts.findIndex((part) => hasGlobMagic(part));
  if (first === -1) first = parts.length;
  const base = parts.slice(0, first).join('/') || (pattern.startsWith('/') ? '/' : '');
  const found = new Set<string>();
  const walk = (dir: string, index: number): void => {
    const part = parts[index];
    if (part === undefined) return;
    const last = index === parts.length - 1;
    if (part === '**') {
      if (last) {
        walkAll(dir);
        return;
      }
      walk(dir, index + 1);
      for (const entry of entries(dir)) {
        if (entry.isDirectory() && !entry.name.startsWith('.')) {
          walk(joined(dir, entry.name), index);
        }
      }
      return;
    }
    for (const entry of entries(dir)) {
      if (!segmentMatches(part, entry.name)) continue;
      const path = joined(dir, entry.name);
      const kind = kindOf(path, entry);
      if (last && kind === 'file') found.add(path);
      else if (!last && kind === 'dir') walk(path, index + 1);
    }
  };
  // A trailing `**` matches every file below.
  const walkAll = (dir: string): void => {
    for (const entry of entries(dir)) {
      if (entry.name.startsWith('.')) continue;
      const path = joined(dir, entry.name);
      if (entry.isDirectory()) walkAll(path);
      else if (kindOf(path, entry) === 'file') found.add(path);
    }
  };
  if (first === parts.length) return [];
  walk(base, first);
  return [...found].sort();
}
