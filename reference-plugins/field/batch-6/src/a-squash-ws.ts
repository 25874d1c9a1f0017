// squash-ws: collapses every run of Unicode whitespace (White_Space: ASCII blanks and line
// breaks, NBSP, U+2000-U+200A, U+3000, ...) to one space and trims both ends, so
// "  a \t\n b\u00a0 " -> "a b". Input must be UTF-8 (-1 otherwise); the empty input, or
// whitespace only, gives the empty output. The text is decoded to a string, squashed with
// string operations and encoded back into the host's buffer. alloc/dealloc hand out blocks of
// the runtime's heap, since process allocates.
const INFO = memory.data<u8>([
  0x73, 0x71, 0x75, 0x61, 0x73, 0x68, 0x2d, 0x77, 0x73, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x33, 0x00,
]); // "squash-ws v1.0.3"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function validUtf8(p: usize, n: usize): bool {
  let i: usize = 0;
  while (i < n) {
    const b = <u32>load<u8>(p + i);
    if (b < 0x80) { i++; continue; }
    let len: usize, c: u32, min: u32;
    if (b >= 0xc2 && b <= 0xdf) { len = 2; c = b & 0x1f; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { len = 3; c = b & 0x0f; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { len = 4; c = b & 0x07; min = 0x10000; }
    else return false;
    if (n - i < len) return false;
    for (let k: usize = 1; k < len; k++) {
      const t = <u32>load<u8>(p + i + k);
      if ((t & 0xc0) != 0x80) return false;
      c = (c << 6) | (t & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) return false;
    i += len;
  }
  return true;
}

function isWhite(c: i32): bool {
  if (c == 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0x85) return false;
  return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

function squash(s: string): string {
  const parts = new Array<string>();
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const white = isWhite(s.charCodeAt(i));
    if (!white && start < 0) start = i;
    if (white && start >= 0) { parts.push(s.substring(start, i)); start = -1; }
  }
  if (start >= 0) parts.push(s.substring(start));
  return parts.join(' ');
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!validUtf8(inputPtr, inputLen)) return -1;
  const text = String.UTF8.decodeUnsafe(inputPtr, inputLen);
  const result = squash(text);
  const need = <u32>result.length;
  if (need > load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, need);
    return -3;
  }
  String.UTF8.encodeUnsafe(changetype<usize>(result), result.length, outputPtr);
  store<u32>(outputLenPtr, need);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010003; }
