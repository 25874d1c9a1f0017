// rev-chars: writes every line with its characters in reverse order, like rev(1):
// "stressed\nnaïve" -> "desserts\nevïan". LF stays the line end. Input must be UTF-8 (-1
// otherwise); the empty input gives the empty output. The text is decoded into a string,
// each line reversed, and the result encoded back; the size is measured on the final string
// with String.UTF8.byteLength, so -3 names it exactly. alloc/dealloc hand out blocks of the
// runtime's heap, since process allocates.
const INFO = memory.data<u8>([
  0x72, 0x65, 0x76, 0x2d, 0x63, 0x68, 0x61, 0x72, 0x73, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00,
]); // "rev-chars v1.1.0"

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

function reverseLine(line: string): string {
  const n = line.length;
  const units = new Array<i32>(n);
  for (let i = 0; i < n; i++) units[i] = line.charCodeAt(n - 1 - i);
  return String.fromCharCodes(units);
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!validUtf8(inputPtr, inputLen)) return -1;
  const text = String.UTF8.decodeUnsafe(inputPtr, inputLen);
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) lines[i] = reverseLine(lines[i]);
  const result = lines.join('\n');
  const need = <u32>String.UTF8.byteLength(result);
  if (need > load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, need);
    return -3;
  }
  const written = String.UTF8.encodeUnsafe(changetype<usize>(result), result.length, outputPtr);
  store<u32>(outputLenPtr, <u32>written);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010100; }
