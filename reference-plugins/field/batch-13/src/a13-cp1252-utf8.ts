//asc: --runtime stub
// cp1252-utf8: converts Windows-1252 text to UTF-8: bytes below 0x80 are copied, 0xA0-0xFF are
// Latin-1 (two UTF-8 bytes each), 0x80-0x9F map through the Windows table (0x80 -> U+20AC "€",
// 0x93 -> U+201C, ...); the five bytes the code page leaves undefined (0x81 0x8D 0x8F 0x90 0x9D)
// give -1. -3 with the exact needed size.
// The host's buffers come from a small allocator of its own (the stub runtime's heap is never
// used): blocks with an 8-byte size header, bumped from __heap_base with memory.grow, and a
// free list that hands a freed block out again for a request of the same (8-rounded) size, the
// common case of a host that allocates the same buffers call after call. No imports.
const INFO = memory.data<u8>([0x63, 0x70, 0x31, 0x32, 0x35, 0x32, 0x2d, 0x75, 0x74, 0x66, 0x38, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "cp1252-utf8 v1.1.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function plugin_info(): usize { return INFO; }

// U+XXXX for 0x80..0x9F; 0 where undefined.
const HIGH = memory.data<u16>([
  0x20ac, 0x0000, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x0000, 0x017d, 0x0000,
  0x0000, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x0000, 0x017e, 0x0178,
]);

// ---- allocator ----
const HDR: usize = 8;
let top: usize = 0;
let freeList: usize = 0; // block: [size u32][next u32], payload after

export function alloc(size: usize): usize {
  if (size > 0x40000000) return 0;
  const sz = (size + 7) & ~<usize>7;
  let prev: usize = 0;
  let b = freeList;
  while (b != 0) {
    const next = load<usize>(b + 4);
    if (load<usize>(b) == sz) {
      if (prev) store<usize>(prev + 4, next); else freeList = next;
      return b + HDR;
    }
    prev = b;
    b = next;
  }
  if (top == 0) top = (__heap_base + 7) & ~<usize>7;
  const blk = top;
  const end = blk + HDR + sz;
  const have = <usize>memory.size() << 16;
  if (end > have) {
    const pages = <i32>((end - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) return 0;
  }
  store<usize>(blk, sz);
  top = end;
  return blk + HDR;
}

export function dealloc(ptr: usize, _size: usize): void {
  if (ptr == 0) return;
  const b = ptr - HDR;
  store<usize>(b + 4, freeList);
  freeList = b;
}

// ---- conversion ----
function cp(c: u32): u32 {
  if (c < 0x80 || c >= 0xa0) return c;
  return <u32>load<u16>(HIGH + ((c - 0x80) << 1));
}

function utf8Len(u: u32): usize { return u < 0x80 ? 1 : u < 0x800 ? 2 : 3; }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  let need: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const u = cp(<u32>load<u8>(inputPtr + i));
    if (u == 0) { if (load<u8>(inputPtr + i) != 0) return -1; }
    need += utf8Len(u);
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let o = outputPtr;
  for (let i: usize = 0; i < inputLen; i++) {
    const u = cp(<u32>load<u8>(inputPtr + i));
    if (u < 0x80) store<u8>(o++, <u8>u);
    else if (u < 0x800) { store<u8>(o++, <u8>(0xc0 | (u >> 6))); store<u8>(o++, <u8>(0x80 | (u & 0x3f))); }
    else {
      store<u8>(o++, <u8>(0xe0 | (u >> 12)));
      store<u8>(o++, <u8>(0x80 | ((u >> 6) & 0x3f)));
      store<u8>(o++, <u8>(0x80 | (u & 0x3f)));
    }
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}
