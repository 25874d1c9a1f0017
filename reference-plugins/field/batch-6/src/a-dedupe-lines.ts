// dedupe-lines: keeps the first occurrence of every line and drops later copies, in input
// order ("b\na\nb\nc\na" -> "b\na\nc\n"); lines end at LF and are compared as bytes, a kept last
// line without LF is written without one. Any bytes are accepted; more than 49152 distinct
// lines in one input is -2 (the table is full). The empty input gives the empty output.
// The hash table (65536 slots of 8 bytes) lives in 8 pages the module grows for itself at
// start-up, outside the managed heap, so process never allocates; alloc/dealloc give the host
// blocks of the runtime's heap.
const INFO = memory.data<u8>([
  0x64, 0x65, 0x64, 0x75, 0x70, 0x65, 0x2d, 0x6c, 0x69, 0x6e, 0x65, 0x73, 0x20, 0x76, 0x31, 0x2e, 0x34,
  0x2e, 0x30, 0x00,
]); // "dedupe-lines v1.4.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const SLOT_BITS: u32 = 16;
const SLOTS: u32 = 1 << SLOT_BITS;
const MAX_LINES: u32 = 49152;
// slot: u32 start+1 (0 = empty), u32 length
const TABLE: usize = <usize>memory.grow(<i32>((SLOTS * 8) >> 16)) << 16;

function fnv(p: usize, n: usize): u32 {
  let h: u32 = 2166136261;
  for (let i: usize = 0; i < n; i++) { h ^= load<u8>(p + i); h *= 16777619; }
  return h;
}

function same(a: usize, b: usize, n: usize): bool {
  for (let i: usize = 0; i < n; i++) if (load<u8>(a + i) != load<u8>(b + i)) return false;
  return true;
}

// Inserts the line [s, s+len) of the input at base; true when it was not there before.
function insert(base: usize, s: usize, len: usize): bool {
  let h = fnv(base + s, len) & (SLOTS - 1);
  while (true) {
    const slot = TABLE + (<usize>h << 3);
    const start1 = load<u32>(slot);
    if (start1 == 0) {
      store<u32>(slot, <u32>s + 1);
      store<u32>(slot, <u32>len, 4);
      return true;
    }
    if (<usize>load<u32>(slot, 4) == len && same(base + <usize>start1 - 1, base + s, len)) return false;
    h = (h + 1) & (SLOTS - 1);
  }
}

// One pass over the input: returns the output size, or -2 when the table is full; writes the
// kept lines to out when out != 0.
function run(inp: usize, n: usize, out: usize): i64 {
  memory.fill(TABLE, 0, <usize>SLOTS * 8);
  let distinct: u32 = 0;
  let o: usize = 0;
  let s: usize = 0;
  while (s < n) {
    let e = s;
    while (e < n && load<u8>(inp + e) != 0x0a) e++;
    const len = e - s;
    const withLf: usize = e < n ? 1 : 0;
    if (insert(inp, s, len)) {
      if (++distinct > MAX_LINES) return -2;
      if (out) memory.copy(out + o, inp + s, len + withLf);
      o += len + withLf;
    }
    s = e + 1;
  }
  return <i64>o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const need = run(inputPtr, inputLen, 0);
  if (need < 0) return <i32>need;
  if (need > <i64>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  run(inputPtr, inputLen, outputPtr);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010400; }
