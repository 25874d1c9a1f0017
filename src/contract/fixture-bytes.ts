import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../util/errors.js';

/**
 * Bytes as a fixture file writes them: a string (its UTF-8), `{ "hex": "00ff" }`,
 * `{ "base64": "..." }`, `{ "u32": [1, 2] }` (little-endian words, for tokenize ids) or
 * `{ "file": "name.bin" }` (relative to the fixture folder).
 */
export type FixtureBytes =
  string | { hex: string } | { base64: string } | { u32: number[] } | { file: string };

const bad = (where: string, message: string): UsageError =>
  new UsageError('ZC_BAD_FIXTURE', `${where}: ${message}`);

export function decodeFixtureBytes(value: unknown, where: string, dir: string): Uint8Array {
  if (typeof value === 'string') return new TextEncoder().encode(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw bad(where, 'expected a string or one of {hex}, {base64}, {u32}, {file}');
  }
  const keys = Object.keys(value);
  const only = (key: string): boolean => keys.length === 1 && keys[0] === key;
  const record = value as Record<string, unknown>;
  if (only('hex') && typeof record['hex'] === 'string') {
    const hex = record['hex'].replace(/\s+/g, '');
    if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) throw bad(where, 'hex must be pairs of hex digits');
    return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
  }
  if (only('base64') && typeof record['base64'] === 'string') {
    return new Uint8Array(Buffer.from(record['base64'], 'base64'));
  }
  if (only('u32') && Array.isArray(record['u32'])) {
    const words = record['u32'] as unknown[];
    const out = new Uint8Array(words.length * 4);
    const view = new DataView(out.buffer);
    words.forEach((word, i) => {
      if (typeof word !== 'number' || !Number.isInteger(word) || word < 0 || word > 0xffffffff) {
        throw bad(where, `u32[${i}] must be an integer 0..4294967295`);
      }
      view.setUint32(i * 4, word, true);
    });
    return out;
  }
  if (only('file') && typeof record['file'] === 'string') {
    try {
      return new Uint8Array(readFileSync(resolve(dir, record['file'])));
    } catch {
      throw bad(where, `file ${record['file']} cannot be read (relative to ${dir})`);
    }
  }
  throw bad(where, `expected one of {hex}, {base64}, {u32}, {file}, got keys ${keys.join(', ')}`);
}

/**
 * How --update-fixtures writes bytes: u32 words for an export whose output is u32 ids, text
 * when they are printable UTF-8, else hex.
 */
export function encodeFixtureBytes(bytes: Uint8Array, elementBytes = 1): FixtureBytes {
  if (elementBytes === 4 && bytes.length % 4 === 0) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { u32: Array.from({ length: bytes.length / 4 }, (_, i) => view.getUint32(i * 4, true)) };
  }
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined;
  }
  // Control characters other than tab and newline would make the file hard to read and edit.
  const controls = [...(text ?? '')].some((char) => {
    const code = char.codePointAt(0)!;
    return (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f;
  });
  if (text !== undefined && !controls) return text;
  return { hex: Buffer.from(bytes).toString('hex') };
}
