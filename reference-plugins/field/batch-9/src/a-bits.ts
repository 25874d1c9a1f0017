// bits: renders bytes as binary digits for inspecting bit-level data: each byte becomes its 8
// binary digits, most significant first, followed by a space, or by a LF after every 8th byte
// and after the last one: "AB" -> "01000001 01000010\n". Every input is accepted. The output
// is exactly 9 times the input (a 1 MiB input gives 9 MiB); the empty input gives the empty
// output.
// The last rendering is kept, with a copy of the input it came from, for the retry a host makes
// after -3 (or a pipeline that sends the same record again): a call whose input is byte for
// byte the same copies it instead of rendering again. One entry only, replaced by the next
// different input, so memory stays bounded. Exports alloc/dealloc (heap.alloc / heap.free) so
// the host's buffers and the kept rendering share the runtime's heap.
const INFO = memory.data<u8>([0x62, 0x69, 0x74, 0x73, 0x20, 0x76, 0x32, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "bits v2.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// The kept rendering: a copy of the input and its output (heap blocks, 0 when none).
let keptIn: usize = 0;
let keptInLen: usize = 0;
let keptOut: usize = 0;

// Set the heap up at load (the start function), while memory is only this module's own:
// TLSF takes all memory up to memory.size() when it starts, and a host that places its
// buffers itself grows memory for them.
heap.free(heap.alloc(0));

function render(inputPtr: usize, n: usize, out: usize): void {
  for (let i: usize = 0; i < n; i++) {
    const b = <u32>load<u8>(inputPtr + i);
    const o = out + i * 9;
    for (let k: u32 = 0; k < 8; k++) store<u8>(o + k, 0x30 + ((b >> (7 - k)) & 1));
    store<u8>(o + 8, (i % 8 == 7 || i == n - 1) ? 0x0a : 0x20);
  }
}

function sameAsKept(inputPtr: usize, n: usize): bool {
  if (keptOut == 0 || keptInLen != n) return false;
  return memory.compare(keptIn, inputPtr, n) == 0;
}

function forget(): void {
  if (keptIn != 0) heap.free(keptIn);
  if (keptOut != 0) heap.free(keptOut);
  keptIn = 0;
  keptOut = 0;
  keptInLen = 0;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  if (inputLen > <usize>0x1c71c71c) return -2; // 9 * inputLen would not fit in 32 bits
  const need = inputLen * 9;
  const cap = <usize>load<u32>(outputLenPtr);
  if (inputLen == 0) {
    store<u32>(outputLenPtr, 0);
    return 0;
  }
  if (!sameAsKept(inputPtr, inputLen)) {
    forget();
    const kin = heap.alloc(inputLen);
    const kout = heap.alloc(need);
    memory.copy(kin, inputPtr, inputLen);
    render(inputPtr, inputLen, kout);
    keptIn = kin;
    keptInLen = inputLen;
    keptOut = kout;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  memory.copy(outputPtr, keptOut, need);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

// The runtime heap aborts above its largest block (just under 1 GiB): refuse those with 0.
const MAX_BLOCK: usize = (1 << 30) - 64;

export function alloc(size: usize): usize {
  if (size > MAX_BLOCK) return 0;
  return heap.alloc(size);
}

export function dealloc(ptr: usize, size: usize): void {
  if (ptr != 0) heap.free(ptr);
}

export function cleanup(): void {
  forget();
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 2 << 16; }
