// CORRECT-UNUSUAL: json-unquote: accepts exactly one JSON string literal (RFC 8259), optionally
// surrounded by JSON whitespace, and outputs the UTF-8 text it denotes: "\"a\\u00e9\\n\"" -> "aé\n".
// Escapes \" \\ \/ \b \f \n \r \t \uXXXX (surrogate pairs joined; a lone surrogate is -1); raw
// control characters, invalid UTF-8, anything after the literal and the empty input are -1.
// Runtime: --runtime stub, no heap use at all; the module imports nothing; memory is declared
// with a 1024-page maximum (no alloc: the host grows pages for its buffers below it).
const INFO = memory.data<u8>([0x6a, 0x73, 0x6f, 0x6e, 0x2d, 0x75, 0x6e, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "json-unquote v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function isWs(c: u32): bool { return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D; }
function hex(c: u32): i32 {
  if (c >= 48 && c <= 57) return <i32>c - 48;
  if (c >= 97 && c <= 102) return <i32>c - 87;
  if (c >= 65 && c <= 70) return <i32>c - 55;
  return -1;
}
function hex4(p: usize): i32 {
  let v = 0;
  for (let k: usize = 0; k < 4; k++) { const h = hex(<u32>load<u8>(p + k)); if (h < 0) return -1; v = (v << 4) | h; }
  return v;
}
function utf8Len(cp: u32): usize { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }
function put(out: usize, o: usize, cp: u32): void {
  if (cp < 0x80) store<u8>(out + o, <u8>cp);
  else if (cp < 0x800) { store<u8>(out + o, <u8>(0xC0 | (cp >> 6))); store<u8>(out + o + 1, <u8>(0x80 | (cp & 63))); }
  else if (cp < 0x10000) { store<u8>(out + o, <u8>(0xE0 | (cp >> 12))); store<u8>(out + o + 1, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(out + o + 2, <u8>(0x80 | (cp & 63))); }
  else { store<u8>(out + o, <u8>(0xF0 | (cp >> 18))); store<u8>(out + o + 1, <u8>(0x80 | ((cp >> 12) & 63))); store<u8>(out + o + 2, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(out + o + 3, <u8>(0x80 | (cp & 63))); }
}

// Returns the output size, or -1. Writes when out != 0.
function run(p: usize, n: usize, out: usize): i64 {
  let i: usize = 0;
  while (i < n && isWs(<u32>load<u8>(p + i))) i++;
  if (i >= n || load<u8>(p + i) != 34) return -1;
  i++;
  let o: usize = 0;
  let closed = false;
  while (i < n) {
    const c = <u32>load<u8>(p + i);
    if (c == 34) { closed = true; i++; break; }
    if (c < 0x20) return -1;
    if (c == 92) {
      if (i + 1 >= n) return -1;
      const e = <u32>load<u8>(p + i + 1);
      let cp: u32 = 0;
      if (e == 34 || e == 92 || e == 47) cp = e;
      else if (e == 98) cp = 8; else if (e == 102) cp = 12; else if (e == 110) cp = 10;
      else if (e == 114) cp = 13; else if (e == 116) cp = 9;
      else if (e == 117) {
        if (i + 6 > n) return -1;
        const u = hex4(p + i + 2);
        if (u < 0) return -1;
        i += 6;
        if (u >= 0xD800 && u <= 0xDBFF) {
          if (i + 6 > n || load<u8>(p + i) != 92 || load<u8>(p + i + 1) != 117) return -1;
          const lo = hex4(p + i + 2);
          if (lo < 0xDC00 || lo > 0xDFFF) return -1;
          i += 6;
          cp = 0x10000 + ((<u32>u - 0xD800) << 10) + (<u32>lo - 0xDC00);
        } else if (u >= 0xDC00 && u <= 0xDFFF) return -1;
        else cp = <u32>u;
        if (out) put(out, o, cp);
        o += utf8Len(cp);
        continue;
      } else return -1;
      if (out) store<u8>(out + o, <u8>cp);
      o++; i += 2;
      continue;
    }
    // raw byte: copy a whole, valid UTF-8 sequence
    let len: usize; let cp: u32;
    if (c < 0x80) { len = 1; cp = c; }
    else if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return -1;
    if (len > n - i) return -1;
    for (let k: usize = 1; k < len; k++) {
      const d = <u32>load<u8>(p + i + k);
      if ((d & 0xC0) != 0x80) return -1;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
    if (out) memory.copy(out + o, p + i, len);
    o += len; i += len;
  }
  if (!closed) return -1;
  while (i < n && isWs(<u32>load<u8>(p + i))) i++;
  if (i != n) return -1;
  return <i64>o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const need = run(inputPtr, inputLen, 0);
  if (need < 0) return -1;
  if (<u64>need > <u64>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>need); return -3; }
  run(inputPtr, inputLen, outputPtr);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010000; }
