/* eslint-disable -- AssemblyScript, compiled by asc: the repository's TypeScript lint rules do not apply. */
// hex-decode: decodes hexadecimal text (upper or lower case digits, no separators) into
// bytes: "5a656e" -> "Zen". An odd length or a non-hex byte is -1 (InvalidInput); the empty
// input decodes to the empty output.
//
// Built with the default (incremental) runtime and a custom abort, so the module imports
// nothing. alloc/dealloc give the host blocks from the runtime's TLSF heap; process itself
// allocates nothing.

// "hex-decode v1.0.0" + NUL, as UTF-8 bytes.
const INFO = memory.data<u8>([
  0x68, 0x65, 0x78, 0x2d, 0x64, 0x65, 0x63, 0x6f, 0x64, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e,
  0x30, 0x00,
]);

// Called instead of env.abort (asc --use abort=hex-decode/abortHandler).
function abortHandler(
  _message: string | null,
  _fileName: string | null,
  _line: u32,
  _column: u32,
): void {
  unreachable();
}

// 0-15 for a hex digit, -1 otherwise.
function nibble(c: u8): i32 {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export function process(
  inputPtr: usize,
  inputLen: usize,
  outputPtr: usize,
  outputLenPtr: usize,
): i32 {
  if (outputLenPtr == 0) return -1;
  if (inputLen & 1) return -1;
  for (let i: usize = 0; i < inputLen; i++) {
    if (nibble(load<u8>(inputPtr + i)) < 0) return -1;
  }
  const needed = inputLen >> 1;
  const capacity = load<u32>(outputLenPtr) as usize;
  if (needed > capacity) {
    store<u32>(outputLenPtr, needed as u32);
    return -3;
  }
  for (let i: usize = 0; i < needed; i++) {
    const hi = nibble(load<u8>(inputPtr + 2 * i));
    const lo = nibble(load<u8>(inputPtr + 2 * i + 1));
    store<u8>(outputPtr + i, <u8>((hi << 4) | lo));
  }
  store<u32>(outputLenPtr, needed as u32);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}

export function dealloc(ptr: usize, size: usize): void {
  if (ptr != 0) heap.free(ptr);
}

export function plugin_info(): usize {
  return INFO;
}

export function plugin_version(): u32 {
  return 0x010000;
}
