/**
 * Reads a corpus of sample inputs (--corpus): files, and directories meaning every regular
 * file in them, recursively, in sorted order. Each sample is cut at maxInputBytes (and the
 * cut is said); the whole is bounded in samples and bytes, with a usage error beyond.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../util/errors.js';
import { formatSize } from '../util/format-size.js';

/** At most this many samples, from every path together. */
export const MAX_CORPUS_SAMPLES = 1000;
/** At most this many bytes of samples (after each is cut at maxInputBytes). */
export const MAX_CORPUS_BYTES = 16 * 1024 * 1024;

export interface LoadedCorpus {
  samples: Uint8Array[];
  /** Where each sample came from: a path, or `<bytes #n>` for one given as bytes. */
  names: string[];
  bytes: number;
  /** One line per sample that was cut at maxInputBytes. */
  capped: string[];
}

const describeError = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a directory';
  return error instanceof Error ? error.message : String(error);
};

/** Regular files under `dir`, recursively (and links to files). */
function filesUnder(dir: string, option: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new UsageError('ZC_BAD_CORPUS', `${option} ${dir}: cannot read: ${describeError(error)}`);
  }
  const names = entries.map((entry) => entry.name).sort();
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return names.flatMap((name) => {
    const entry = byName.get(name)!;
    const path = join(dir, name);
    if (entry.isDirectory()) return filesUnder(path, option);
    if (entry.isFile()) return [path];
    if (entry.isSymbolicLink()) {
      // A link to a file counts; a link to a directory is not followed (it could loop).
      try {
        return statSync(path).isFile() ? [path] : [];
      } catch {
        return [];
      }
    }
    return [];
  });
}

/** The files a path stands for: itself, or every regular file under it. */
function expandPath(path: string, option: string): string[] {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    throw new UsageError('ZC_BAD_CORPUS', `${option} ${path}: ${describeError(error)}`);
  }
  if (info.isDirectory()) {
    const files = filesUnder(path, option).sort();
    if (files.length === 0) {
      throw new UsageError('ZC_BAD_CORPUS', `${option} ${path}: the directory holds no files`);
    }
    return files;
  }
  if (!info.isFile()) {
    throw new UsageError('ZC_BAD_CORPUS', `${option} ${path}: not a regular file or directory`);
  }
  return [path];
}

/**
 * Reads every entry (a path, or bytes given directly) into samples of at most maxInputBytes.
 * An unreadable path, an empty directory, or a corpus past MAX_CORPUS_SAMPLES or
 * MAX_CORPUS_BYTES is a UsageError naming it.
 */
export function loadCorpus(
  entries: readonly (string | Uint8Array)[],
  maxInputBytes: number,
  option = '--corpus',
): LoadedCorpus {
  const corpus: LoadedCorpus = { samples: [], names: [], bytes: 0, capped: [] };
  const add = (name: string, bytes: Uint8Array, size: number): void => {
    if (corpus.samples.length >= MAX_CORPUS_SAMPLES) {
      throw new UsageError(
        'ZC_CORPUS_TOO_LARGE',
        `${option}: more than ${MAX_CORPUS_SAMPLES} samples (at ${name}); pick fewer files`,
      );
    }
    if (size > maxInputBytes) {
      corpus.capped.push(
        `${option} ${name}: ${formatSize(size)}, only its first ${formatSize(maxInputBytes)} (--max-input-size) is used`,
      );
    }
    corpus.bytes += bytes.length;
    if (corpus.bytes > MAX_CORPUS_BYTES) {
      throw new UsageError(
        'ZC_CORPUS_TOO_LARGE',
        `${option}: more than ${formatSize(MAX_CORPUS_BYTES)} of samples (at ${name}); pick fewer or smaller files`,
      );
    }
    corpus.samples.push(bytes);
    corpus.names.push(name);
  };
  entries.forEach((entry, index) => {
    if (entry instanceof Uint8Array) {
      add(`<bytes #${index}>`, entry.slice(0, maxInputBytes), entry.length);
      return;
    }
    for (const file of expandPath(entry, option)) {
      let bytes: Uint8Array;
      let size: number;
      try {
        size = statSync(file).size;
        bytes = readPrefix(file, maxInputBytes);
      } catch (error) {
        throw new UsageError('ZC_BAD_CORPUS', `${option} ${file}: ${describeError(error)}`);
      }
      add(file, bytes, size);
    }
  });
  return corpus;
}

/** The first `max` bytes of a file, without reading the rest of a large one. */
function readPrefix(path: string, max: number): Uint8Array {
  if (statSync(path).size <= max) return new Uint8Array(readFileSync(path));
  const buffer = Buffer.alloc(max);
  const fd = openSync(path, 'r');
  try {
    let filled = 0;
    while (filled < max) {
      const read = readSync(fd, buffer, filled, max - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return new Uint8Array(buffer.subarray(0, filled));
  } finally {
    closeSync(fd);
  }
}
