//asc: --runtime stub
// utf16le-utf8: converts UTF-16LE text (Windows "Unicode" exports, .NET strings) to UTF-8:
// surrogate pairs become one 4-byte character, a leading BOM (FF FE) is dropped, and nothing
// else is changed ("H\0i\0" -> "Hi", 3D D8 00 DE -> F0 9F 98 80). An odd byte count or an
// unpaired surrogate is -1 (InvalidInput). The output is at most 1.5x the input; the empty
// input (or a BOM alone) gives the empty output.
// A validating/sizing pass, then a writing pass straight into the host's buffer. No heap, no
// allocator exports, no imports.
const INFO = memory.data<u8>([0x75, 0x74, 0x66, 0x31, 0x36, 0x6c, 0x65, 0x2d, 0x75, 0x74, 0x66, 0x38, 0x20, 0x76, 0x31, 0x2e, 0x33, 0x2e, 0x30, 0x00]); // "utf16le-utf8 v1.3.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Set by decodeAt: the number of input bytes the code point took (2 or 4).
let step: usize = 0;

// Decodes the code point at p (end is the input's end); -1 for an unpaired surrogate.
function decodeAt(p: usize, end: usize): i32 {
  const u = <i32>load<u16>(p);
  step = 2;
  if (u < 0xd800 || u > 0xdfff) return u;
  if (u >= 0xdc00 || p + 4 > end) return -1;
  const lo = <i32>load<u16>(p + 2);
  if (lo < 0xdc00 || lo > 0xdfff) return -1;
  step = 4;
  return 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
}

function utf8Len(cp: i32): usize {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

// The UTF-8 bytes of cp packed into a little-endian word, first byte lowest.
function packUtf8(cp: i32): u32 {
  const c = <u32>cp;
  if (c < 0x80) return c;
  if (c < 0x800) return (0xc0 | (c >> 6)) | (0x80 | (c & 0x3f)) << 8;
  if (c < 0x10000) return (0xe0 | (c >> 12)) | (0x80 | ((c >> 6) & 0x3f)) << 8 | (0x80 | (c & 0x3f)) << 16;
  return (0xf0 | (c >> 18)) | (0x80 | ((c >> 12) & 0x3f)) << 8 | (0x80 | ((c >> 6) & 0x3f)) << 16 | (0x80 | (c & 0x3f)) << 24;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  if (inputLen & 1) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;
  let start = inputPtr;
  if (inputLen >= 2 && load<u16>(inputPtr) == 0xfeff) start += 2;

  let need: usize = 0;
  for (let p = start; p < end; p += step) {
    const cp = decodeAt(p, end);
    if (cp < 0) return -1;
    need += utf8Len(cp);
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  let o = outputPtr;
  if (cap > need) {
    // Fast path: one 4-byte store per character; the bytes past the character are
    // overwritten by the next one, and past the end they land in the spare capacity.
    for (let p = start; p < end; p += step) {
      const cp = decodeAt(p, end);
      store<u32>(o, packUtf8(cp));
      o += utf8Len(cp);
    }
  } else {
    // Exact fit: byte by byte.
    for (let p = start; p < end; p += step) {
      const cp = decodeAt(p, end);
      let w = packUtf8(cp);
      const n = utf8Len(cp);
      for (let k: usize = 0; k < n; k++) {
        store<u8>(o++, <u8>w);
        w >>= 8;
      }
    }
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 3 << 8; }
