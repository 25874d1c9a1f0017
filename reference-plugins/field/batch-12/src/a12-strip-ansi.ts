//asc: --maximumMemory 4096
// strip-ansi: removes ANSI terminal escape sequences from captured console logs, so that
// "\x1b[1;31merror\x1b[0m: x" becomes "error: x": CSI sequences (ESC [ parameters,
// intermediates, one final byte 0x40-0x7e), OSC sequences (ESC ] ... ended by BEL or ESC \),
// and two-byte escapes (ESC and one byte 0x40-0x5f). A sequence cut off by the end of the input
// is dropped. Every other byte is copied. Every input is accepted; the output is never longer
// than the input. -3 with the needed size. process allocates nothing and keeps no state.
// Memory: alloc/dealloc hand the host blocks from the runtime's TLSF heap. Each block carries a
// 16-byte header holding its size (16 keeps the block 16-aligned), so that dealloc can check
// that the host gives back the size it asked for and keep a block it gets back with another
// size rather than corrupt the heap. An empty buffer needs no block: alloc(0) returns 0, which
// the ABI allows. Blocks above 192 MiB are refused with 0 (the maximum is 256 MiB).
const INFO = memory.data<u8>([0x73, 0x74, 0x72, 0x69, 0x70, 0x2d, 0x61, 0x6e, 0x73, 0x69, 0x20, 0x76, 0x31, 0x2e, 0x32, 0x2e, 0x30, 0x00]); // "strip-ansi v1.2.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const HEADER: usize = 16;
const MAX_BLOCK: usize = 192 << 20;
let sizeMismatches: u32 = 0;

export function alloc(size: usize): usize {
  if (size == 0 || size > MAX_BLOCK) return 0;
  const base = heap.alloc(size + HEADER);
  store<u32>(base, <u32>size);
  return base + HEADER;
}

export function dealloc(ptr: usize, size: usize): void {
  const base = ptr - HEADER;
  if (load<u32>(base) != <u32>size) {
    sizeMismatches++; // a host bug: leak the block rather than free it with the wrong size
    return;
  }
  heap.free(base);
}

const ESC: u8 = 0x1b;
const BEL: u8 = 0x07;

// Length of the escape sequence starting at p (an ESC), at most `left` bytes.
function seqLen(p: usize, left: usize): usize {
  if (left < 2) return left;
  const b = load<u8>(p, 1);
  if (b == 0x5b) { // CSI
    let i: usize = 2;
    while (i < left) {
      const c = load<u8>(p + i);
      i++;
      if (c >= 0x40 && c <= 0x7e) return i;
    }
    return left;
  }
  if (b == 0x5d) { // OSC
    let i: usize = 2;
    while (i < left) {
      const c = load<u8>(p + i);
      if (c == BEL) return i + 1;
      if (c == ESC && i + 1 < left && load<u8>(p + i + 1) == 0x5c) return i + 2;
      i++;
    }
    return left;
  }
  if (b >= 0x40 && b <= 0x5f) return 2;
  return 1; // a lone ESC: dropped by itself
}

function run(inputPtr: usize, inputLen: usize, out: usize, write: bool): usize {
  let i: usize = 0;
  let o: usize = 0;
  while (i < inputLen) {
    const c = load<u8>(inputPtr + i);
    if (c == ESC) {
      i += seqLen(inputPtr + i, inputLen - i);
      continue;
    }
    if (write) store<u8>(out + o, c);
    o++;
    i++;
  }
  return o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  const need = run(inputPtr, inputLen, 0, false);
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  run(inputPtr, inputLen, outputPtr, true);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 2 << 8; }
