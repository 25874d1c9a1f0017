// shuffle-lines: shuffles the lines of a training file (Fisher-Yates), reproducibly: the
// random numbers come from a xorshift32 generator with a fixed seed, so a pipeline rerun gives
// the same order, with no clock or random_get import. Every output line ends with a LF (a
// last line without one gets it); the empty input gives the empty output. Every input is
// accepted. -3 with the needed size (the input length, plus 1 when the last line has no LF).
// The line index (8 bytes a line) is a heap block from the runtime, freed before returning;
// alloc/dealloc hand the host blocks from the same TLSF heap. No imports.
const INFO = memory.data<u8>([0x73, 0x68, 0x75, 0x66, 0x66, 0x6c, 0x65, 0x2d, 0x6c, 0x69, 0x6e, 0x65, 0x73, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x33, 0x00]); // "shuffle-lines v1.0.3"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const SEED: u32 = 0x2545f491;
let rng: u32 = SEED;

function next(): u32 {
  let x = rng;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rng = x;
  return x;
}

export function alloc(size: usize): usize {
  if (size > (192 << 20)) return 0;
  return heap.alloc(size);
}

export function dealloc(ptr: usize, _size: usize): void {
  heap.free(ptr);
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  let lines: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) if (load<u8>(inputPtr + i) == 0x0a) lines++;
  const open = inputLen > 0 && load<u8>(inputPtr + inputLen - 1) != 0x0a;
  if (open) lines++;
  const need = inputLen + (open ? 1 : 0);
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  if (lines == 0) {
    store<u32>(outputLenPtr, 0);
    return 0;
  }
  if (lines > (64 << 20)) return -2;
  const index = heap.alloc(lines << 3);
  // spans: start, length (without the LF)
  let k: usize = 0;
  let start: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    if (load<u8>(inputPtr + i) == 0x0a) {
      store<u32>(index + (k << 3), <u32>start);
      store<u32>(index + (k << 3), <u32>(i - start), 4);
      k++;
      start = i + 1;
    }
  }
  if (open) {
    store<u32>(index + (k << 3), <u32>start);
    store<u32>(index + (k << 3), <u32>(inputLen - start), 4);
  }
  for (let i = lines - 1; i > 0; i--) {
    const j = <usize>(next() % <u32>(i + 1));
    const t = load<u64>(index + (i << 3));
    store<u64>(index + (i << 3), load<u64>(index + (j << 3)));
    store<u64>(index + (j << 3), t);
  }
  let o: usize = 0;
  for (let i: usize = 0; i < lines; i++) {
    const s = <usize>load<u32>(index + (i << 3));
    const n = <usize>load<u32>(index + (i << 3), 4);
    memory.copy(outputPtr + o, inputPtr + s, n);
    o += n;
    store<u8>(outputPtr + o, 0x0a);
    o++;
  }
  heap.free(index);
  store<u32>(outputLenPtr, <u32>o);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 0 << 8 | 3; }
