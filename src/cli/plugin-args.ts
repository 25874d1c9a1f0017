import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../util/errors.js';
import { expandGlob, hasGlobMagic } from '../util/glob.js';
import { editDistance } from '../util/edit-distance.js';
import { MAX_READ_BYTES } from '../util/read-plugin-file.js';
import type { CliIo } from './io.js';

/** The name a module read from stdin goes by in reports and progress. */
export const STDIN_SOURCE = '<stdin>';

/** One plugin to check: a path, or the module read from stdin. */
export type PluginArg = { kind: 'path'; path: string } | { kind: 'stdin' };

const isDirectory = (path: string): boolean | undefined => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return undefined;
  }
};

/** The `.wasm` files directly inside a directory (following links to files), sorted. */
function wasmFilesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.name.endsWith('.wasm'))
    .map((entry) => join(dir, entry.name))
    .filter((path) => {
      try {
        return statSync(path).isFile();
      } catch {
        return false;
      }
    })
    .sort();
}

/**
 * The plugins the arguments name, in order: `-` is one module read from stdin, a directory is
 * the `.wasm` files directly in it (sorted; `'dir/**\/*.wasm'` reaches subdirectories), and a
 * glob the shell left alone (quoted) is expanded, sorted. A directory or glob matching nothing
 * is a UsageError; a plain path is passed on as given (a missing file is reported by the run).
 */
export function resolvePluginArgs(args: readonly string[]): PluginArg[] {
  const plugins: PluginArg[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    plugins.push({ kind: 'path', path });
  };
  let stdin = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdin) {
        throw new UsageError('ZC_BAD_ARGUMENT', '- (a module from stdin) can be given only once');
      }
      stdin = true;
      plugins.push({ kind: 'stdin' });
      continue;
    }
    const directory = isDirectory(arg);
    if (directory) {
      const files = wasmFilesIn(arg);
      if (files.length === 0) {
        throw new UsageError(
          'ZC_NO_MATCH',
          `${arg} is a directory with no .wasm file in it (for subdirectories too, quote a glob: '${join(arg, '**', '*.wasm')}')`,
        );
      }
      files.forEach(add);
    } else if (directory === undefined && hasGlobMagic(arg)) {
      const files = expandGlob(arg);
      if (files.length === 0) throw new UsageError('ZC_NO_MATCH', `no file matches ${arg}`);
      files.forEach(add);
    } else {
      add(arg);
    }
  }
  return plugins;
}

/**
 * `bnech x.wasm`: a first argument that names no file but is one typo from a command is most
 * likely the command, so say so instead of reporting a missing plugin file.
 */
export function commandTypo(first: string | undefined, commands: readonly string[]): string {
  if (first === undefined || first.startsWith('-') || /[./\\*?]/.test(first)) return '';
  if (isDirectory(first) !== undefined) return '';
  const guess = commands.find((command) => editDistance(first, command) <= 2);
  return guess ?? '';
}

/** Reads all of stdin, refusing more than a plugin file may hold. */
export async function readAllStdin(
  stream: AsyncIterable<Uint8Array | string>,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.length;
    if (total > MAX_READ_BYTES) {
      throw new UsageError(
        'ZC_TOO_LARGE',
        `- (stdin) holds more than ${MAX_READ_BYTES} bytes; modules over that are not read`,
      );
    }
    chunks.push(bytes);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** A seed for `--seed random`: printed in the report, so the run can be replayed. */
export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);

export const pluginName = (plugin: PluginArg): string =>
  plugin.kind === 'stdin' ? STDIN_SOURCE : plugin.path;

/** The module `-` names: stdin, read once, refused when it is a terminal (nothing was piped). */
export async function readStdinModule(io: CliIo, command: string): Promise<Uint8Array> {
  if (io.stdinIsTTY || !io.readStdin) {
    throw new UsageError(
      'ZC_BAD_ARGUMENT',
      `- reads a module from stdin, but stdin is a terminal: pipe one in (${command} - < plugin.wasm)`,
    );
  }
  return io.readStdin();
}
