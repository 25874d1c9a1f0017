//asc: --maximumMemory 4096
// b64url: Base64url encoding without padding (RFC 4648 section 5, as in JWTs): every 3 input
// bytes become 4 characters of A-Z a-z 0-9 - _, and a last group of 1 or 2 bytes becomes 2 or 3
// characters, with no '=' ("hi?" -> "aGk_", "hi" -> "aGk"). Every input is accepted; the empty
// input gives the empty output. -3 with the needed size, ceil(4n / 3).
// Memory: alloc/dealloc hand the host blocks from the runtime's TLSF heap (heap.alloc), which
// are 16-aligned; alloc(0) needs no block and returns 0. The memory is declared with a 256 MiB
// maximum (the host's limit), and blocks above 192 MiB are refused with 0, so the heap never
// needs more than the maximum. process itself allocates nothing and keeps no state.
const INFO = memory.data<u8>([0x62, 0x36, 0x34, 0x75, 0x72, 0x6c, 0x20, 0x76, 0x31, 0x2e, 0x34, 0x2e, 0x30, 0x00]); // "b64url v1.4.0"

const ALPHABET = memory.data<u8>([
  0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f, 0x50,
  0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66,
  0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76,
  0x77, 0x78, 0x79, 0x7a, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x2d, 0x5f,
]);

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const MAX_BLOCK: usize = 192 << 20;

export function alloc(size: usize): usize {
  if (size == 0 || size > MAX_BLOCK) return 0;
  return heap.alloc(size);
}

export function dealloc(ptr: usize, _size: usize): void {
  if (ptr != 0) heap.free(ptr);
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  // A null buffer means the host could not place it.
  if (inputPtr == 0 || outputPtr == 0 || outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  if (inputLen > 0xbffffffc) return -1; // the encoding would not fit 32 bits
  const full = inputLen / 3;
  const rest = inputLen - full * 3;
  const need = full * 4 + (rest == 0 ? 0 : rest + 1);
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let p = inputPtr;
  let o = outputPtr;
  for (let i: usize = 0; i < full; i++) {
    const v = <u32>load<u8>(p) << 16 | <u32>load<u8>(p, 1) << 8 | <u32>load<u8>(p, 2);
    store<u8>(o, load<u8>(ALPHABET + (v >> 18)));
    store<u8>(o, load<u8>(ALPHABET + ((v >> 12) & 63)), 1);
    store<u8>(o, load<u8>(ALPHABET + ((v >> 6) & 63)), 2);
    store<u8>(o, load<u8>(ALPHABET + (v & 63)), 3);
    p += 3;
    o += 4;
  }
  if (rest > 0) {
    const v = <u32>load<u8>(p) << 16 | (rest == 2 ? <u32>load<u8>(p, 1) << 8 : 0);
    store<u8>(o, load<u8>(ALPHABET + (v >> 18)));
    store<u8>(o, load<u8>(ALPHABET + ((v >> 12) & 63)), 1);
    if (rest == 2) store<u8>(o, load<u8>(ALPHABET + ((v >> 6) & 63)), 2);
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 4 << 8; }
