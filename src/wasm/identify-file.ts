import { hexPreview } from '../util/bytes-text.js';

/**
 * Names what a file is when it is not a core WebAssembly module, so the verdict can say
 * "this is a JPEG image" instead of only repeating the engine's CompileError.
 */
const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable (a native build, not wasm)' },
  { bytes: [0x4d, 0x5a], what: 'a Windows executable' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a Mach-O executable' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  {
    bytes: [0x21, 0x3c, 0x61, 0x72, 0x63, 0x68, 0x3e],
    what: 'an ar archive (an rlib or .a, not a cdylib)',
  },
];

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);

/** Undefined when the header looks like a core module (version 1); otherwise what it is. */
export function describeNonModule(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the file is empty (0 bytes)';
  if (startsWith(bytes, WASM_MAGIC)) {
    if (bytes.length < 8)
      return `the file ends after ${bytes.length} bytes, inside the 8-byte header`;
    const version = new DataView(bytes.buffer, bytes.byteOffset + 4, 4).getUint32(0, true);
    if (version === 1) return undefined;
    if ((version & 0xffff0000) >>> 16 === 1) {
      return 'a WebAssembly component (component model), not a core module: build a core module for wasm32-wasip1';
    }
    return `a WebAssembly header with unknown version ${version}`;
  }
  for (const { bytes: prefix, what } of SIGNATURES) {
    if (startsWith(bytes, prefix)) return what;
  }
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 256));
  if (/^\s*(\(;[\s\S]*?;\)\s*)*\(module\b/.test(head) || /^\s*;;/.test(head)) {
    return 'WebAssembly text (WAT), not binary: convert it with wat2wasm';
  }
  return `not a WebAssembly module: it starts with ${hexPreview(bytes.subarray(0, 8))}, expected 00 61 73 6d ("\\0asm")`;
}
