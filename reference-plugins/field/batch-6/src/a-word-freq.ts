// word-freq: counts the words of UTF-8 text (split on ASCII whitespace) and writes one
// "count\tword\n" line per distinct word, most frequent first, ties in code-unit order of the
// word: "b a b c a b" -> "3\tb\n2\ta\n1\tc\n". Input must be UTF-8 (-1 otherwise); no words
// gives the empty output. On -3, *output_len is the exact size.
//
// Correct but unusual: every call builds a Map<string, i32>, an array of keys and the output
// text on the managed heap and leaves them to the incremental garbage collector, so memory
// rises over the first calls and then levels off, and how much of it is in use at any moment
// depends on when the collector ran. alloc/dealloc give the host raw heap blocks, which the
// collector never touches. init and cleanup are exported: init reserves the heap early and
// cleanup runs a full collection.
const INFO = memory.data<u8>([
  0x77, 0x6f, 0x72, 0x64, 0x2d, 0x66, 0x72, 0x65, 0x71, 0x20, 0x76, 0x30, 0x2e, 0x33, 0x2e, 0x32, 0x00,
]); // "word-freq v0.3.2"

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

function isWs(b: u32): bool { return b == 0x20 || (b >= 0x09 && b <= 0x0d); }

let counts = new Map<string, i32>(); // replaced each call; module start initialises the heap

export function init(): i32 {
  counts = new Map<string, i32>();
  return 0;
}

export function cleanup(): void {
  counts = new Map<string, i32>();
  __collect();
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!validUtf8(inputPtr, inputLen)) return -1;
  const map = new Map<string, i32>();
  let i: usize = 0;
  while (i < inputLen) {
    while (i < inputLen && isWs(load<u8>(inputPtr + i))) i++;
    if (i >= inputLen) break;
    const s = i;
    while (i < inputLen && !isWs(load<u8>(inputPtr + i))) i++;
    const w = String.UTF8.decodeUnsafe(inputPtr + s, i - s);
    map.set(w, map.has(w) ? map.get(w) + 1 : 1);
  }
  counts = map;
  const keys = map.keys();
  keys.sort((a: string, b: string): i32 => {
    const ca = counts.get(a), cb = counts.get(b);
    if (ca != cb) return cb - ca;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  let need: usize = 0;
  for (let k = 0; k < keys.length; k++) {
    need += <usize>String.UTF8.byteLength(map.get(keys[k]).toString()) + 1 +
      <usize>String.UTF8.byteLength(keys[k]) + 1;
  }
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let o = outputPtr;
  for (let k = 0; k < keys.length; k++) {
    const c = map.get(keys[k]).toString();
    o += String.UTF8.encodeUnsafe(changetype<usize>(c), c.length, o);
    store<u8>(o++, 0x09);
    o += String.UTF8.encodeUnsafe(changetype<usize>(keys[k]), keys[k].length, o);
    store<u8>(o++, 0x0a);
  }
  store<u32>(outputLenPtr, <u32>(o - outputPtr));
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x000302; }
