// preview: a short preview of UTF-8 text for a list view: input of at most 32 bytes is copied,
// longer input becomes its first 32 bytes and "...". Input that is not UTF-8 is -1.
// No heap: built with --runtime stub.
const INFO = memory.data<u8>([0x70, 0x72, 0x65, 0x76, 0x69, 0x65, 0x77, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "preview v1.0.0"
const LIMIT: usize = 32;

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
  const cut = inputLen > LIMIT;
  const keep = cut ? LIMIT : inputLen;
  const need = keep + (cut ? 3 : 0);
  if (need > <usize>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>need); return -3; }
  memory.copy(outputPtr, inputPtr, keep);
  if (cut) { store<u8>(outputPtr + keep, 46); store<u8>(outputPtr + keep + 1, 46); store<u8>(outputPtr + keep + 2, 46); }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
