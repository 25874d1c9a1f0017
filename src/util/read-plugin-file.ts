import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

/** Files larger than this are refused before reading: no plugin is this big, and reading one would. */
export const MAX_READ_BYTES = 256 * 1024 * 1024;

export type ReadResult =
  { ok: true; bytes: Uint8Array } | { ok: false; code: string; message: string };

/** Reads a plugin file; every failure is a coded, one-line reason, never a thrown error. */
export async function readPluginFile(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return {
        ok: false,
        code: 'ZC_IS_DIRECTORY',
        message: `${path} is a directory, expected a .wasm file`,
      };
    }
    if (!info.isFile()) {
      return { ok: false, code: 'ZC_NOT_A_FILE', message: `${path} is not a regular file` };
    }
    if (info.size > MAX_READ_BYTES) {
      return {
        ok: false,
        code: 'ZC_TOO_LARGE',
        message: `${path} is ${info.size} bytes; files over ${MAX_READ_BYTES} bytes are not read`,
      };
    }
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { ok: false, code: 'ZC_NOT_FOUND', message: `${path}: no such file` };
    if (code === 'EACCES') {
      return { ok: false, code: 'ZC_NOT_READABLE', message: `${path}: permission denied` };
    }
    return { ok: false, code: 'ZC_READ_FAILED', message: `${path}: ${(error as Error).message}` };
  }
}

export const sha256 = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex');
