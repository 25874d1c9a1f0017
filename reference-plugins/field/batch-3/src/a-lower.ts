// lower: Unicode lower-casing of UTF-8 text ("ÀBC" -> "àbc"); input that is not UTF-8 is -1.
// Built with the default (incremental) runtime and a custom abort, so it imports nothing.
const INFO = memory.data<u8>([0x6c, 0x6f, 0x77, 0x65, 0x72, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "lower v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function validUtf8(p: usize, n: usize): bool {
  let i: usize = 0;
  while (i < n) {
    const c = <u32>load<u8>(p + i);
    let len: usize; let cp: u32;
    if (c < 0x80) { i++; continue; }
    else if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (len > n - i) return false;
    for (let k: usize = 1; k < len; k++) {
      const d = <u32>load<u8>(p + i + k);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if (len == 3 && cp < 0x800) return false;
    if (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    i += len;
  }
  return true;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!validUtf8(inputPtr, inputLen)) return -1;
  const capacity = <usize>load<u32>(outputLenPtr);
  // lower-casing keeps the length
  if (inputLen > capacity) { store<u32>(outputLenPtr, <u32>inputLen); return -3; }
  if (inputLen == 0) { store<u32>(outputLenPtr, 0); return 0; }
  const s = String.UTF8.decodeUnsafe(inputPtr, inputLen);
  const lower = s.toLowerCase();
  const written = String.UTF8.encodeUnsafe(changetype<usize>(lower), lower.length, outputPtr);
  store<u32>(outputLenPtr, <u32>written);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0;
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr != 0) heap.free(ptr); }
export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010000; }
