// punct-fold: folds typographic punctuation to ASCII for downstream tokenizers:
// curly double quotes -> ", curly single quotes and primes -> ', hyphens and dashes
// (U+2010-U+2015, U+2212) -> -, the ellipsis -> "...", NBSP and other fixed-width spaces -> a
// space. In ASCII, TAB becomes a space and the other control characters except LF (CR, NUL,
// ESC, DEL, ...) are dropped. Everything else is kept. Input must be UTF-8 (-1 otherwise).
// The ASCII map is a 128-byte table built on first use; the hot loop reads it with a raw
// load (no bounds check). alloc/dealloc hand out blocks of the runtime's heap.
const INFO = memory.data<u8>([
  0x70, 0x75, 0x6e, 0x63, 0x74, 0x2d, 0x66, 0x6f, 0x6c, 0x64, 0x20, 0x76, 0x30, 0x2e, 0x39, 0x2e, 0x30, 0x00,
]); // "punct-fold v0.9.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

let asciiMap: usize = 0; // address of the 128-byte map; 0xff = drop

function mapTable(): usize {
  if (asciiMap == 0) {
    const t = new Uint8Array(128);
    for (let c = 0; c < 128; c++) t[c] = <u8>c;
    for (let c = 0; c < 32; c++) t[c] = 0xff;
    t[0x7f] = 0xff;
    t[0x09] = 0x20;
    t[0x0a] = 0x0a;
    asciiMap = t.dataStart;
  }
  return asciiMap;
}

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

// The ASCII replacement of a non-ASCII code point, or null to keep it.
function fold(c: i32): string | null {
  if (c == 0x201c || c == 0x201d || c == 0x201e || c == 0x201f || c == 0x2033 || c == 0x00ab || c == 0x00bb) return '"';
  if (c == 0x2018 || c == 0x2019 || c == 0x201a || c == 0x201b || c == 0x2032) return "'";
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212) return '-';
  if (c == 0x2026) return '...';
  if (c == 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f) return ' ';
  return null;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!validUtf8(inputPtr, inputLen)) return -1;
  const map = mapTable();
  const text = String.UTF8.decodeUnsafe(inputPtr, inputLen);
  const out = new Array<u8>();
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const m = load<u8>(map + <usize>c);
      if (m != 0xff) out.push(m);
      continue;
    }
    let cp = c;
    let units = 1;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) { cp = text.codePointAt(i); units = 2; }
    const r = fold(cp);
    if (r !== null) {
      for (let k = 0; k < r.length; k++) out.push(<u8>r.charCodeAt(k));
    } else {
      const piece = String.UTF8.encode(text.substr(i, units));
      const bytes = Uint8Array.wrap(piece);
      for (let k = 0; k < bytes.length; k++) out.push(bytes[k]);
    }
    i += units - 1;
  }
  const need = <u32>out.length;
  if (need > load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, need);
    return -3;
  }
  memory.copy(outputPtr, out.dataStart, <usize>need);
  store<u32>(outputLenPtr, need);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x000900; }
