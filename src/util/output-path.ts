import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Checks, before a run, that a report can be written where it is asked for, so that a long run
 * does not end in a write error. Each returns the reason it cannot (a phrase to follow the
 * path: `is a directory, expected a file`), or undefined. Nothing is created: a missing
 * directory only has to be creatable (its nearest existing ancestor a writable directory).
 */

const statOf = (path: string): Stats | undefined => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

const writable = (path: string): boolean => {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** The nearest existing path at or above `path`, and what stands in the way of writing there. */
function nearest(path: string): { at: string; problem?: 'file' | 'not-writable' } {
  let current = resolve(path);
  for (;;) {
    const info = statOf(current);
    if (info) {
      if (!info.isDirectory()) return { at: current, problem: 'file' };
      return writable(current) ? { at: current } : { at: current, problem: 'not-writable' };
    }
    const parent = dirname(current);
    if (parent === current) return { at: current };
    current = parent;
  }
}

/** Why a directory cannot be written to (or created), or undefined when it can. */
export function directoryProblem(dir: string): string | undefined {
  const { at, problem } = nearest(dir);
  if (!problem) return undefined;
  const self = at === resolve(dir);
  if (problem === 'file') {
    return self ? 'is a file, expected a directory' : `cannot be created: ${at} is a file`;
  }
  return self ? 'is not writable' : `cannot be created: ${at} is not writable`;
}

/** Why a file cannot be written (or created), or undefined when it can. */
export function fileProblem(file: string): string | undefined {
  const info = statOf(file);
  if (info?.isDirectory()) return 'is a directory, expected a file';
  if (info) return writable(file) ? undefined : 'is not writable';
  const { at, problem } = nearest(dirname(resolve(file)));
  if (!problem) return undefined;
  return `cannot be created: ${at} is ${problem === 'file' ? 'a file' : 'not writable'}`;
}

/** A file-system error as one line: `EACCES: permission denied, open 'x'`. */
export function fsErrorText(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = typeof message === 'string' ? (message.split('\n')[0] ?? '') : String(error);
  return code && !text.startsWith(code) ? `${code}: ${text}` : text;
}
