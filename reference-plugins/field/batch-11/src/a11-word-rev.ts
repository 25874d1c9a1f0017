//asc: --runtime stub --maximumMemory 4096
// word-rev: reverses the order of the words on every line ("the quick  fox\n" -> "fox quick
// the\n"). Words are runs of bytes other than space, tab and CR; in the output they are joined
// by single spaces, with no leading or trailing blanks. A LF ends a line and is kept (a last
// line without one stays without); CRs are dropped. Every input is accepted; the empty input
// gives the empty output. -3 with the needed size.
// Memory: the host's buffers and the call's word index come from one small allocator: power-
// of-two size classes from 16 bytes to 128 MiB, each with a free list, carved from a bump
// pointer above __heap_base; dealloc puts a block on its class's list for the next alloc of
// that class. The word index is not freed block by block: at the end of every call the heap is
// reset (free lists emptied, bump pointer back to the base), so whatever a call allocated
// cannot pile up over a long run. The memory is declared with a 256 MiB maximum, the host's
// limit; a block that cannot be had is refused with 0.
const INFO = memory.data<u8>([0x77, 0x6f, 0x72, 0x64, 0x2d, 0x72, 0x65, 0x76, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "word-rev v1.1.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const LF: u8 = 0x0a;

// ---- size-class heap ----

const MIN_SHIFT: usize = 4;   // 16 bytes
const MAX_SHIFT: usize = 27;  // 128 MiB
const MEMORY_MAX: usize = 4096 << 16;
const HEADS = memory.data(4 * 32); // free-list head per shift
const HEAP_BASE: usize = (__heap_base + 15) & ~15;
let top: usize = HEAP_BASE;

function shiftOf(size: usize): usize {
  if (size <= (<usize>1 << MIN_SHIFT)) return MIN_SHIFT;
  return 32 - <usize>clz<u32>(<u32>(size - 1));
}

export function alloc(size: usize): usize {
  if (size > (<usize>1 << MAX_SHIFT)) return 0;
  const k = shiftOf(size);
  const head = load<u32>(HEADS + 4 * k);
  if (head != 0) {
    store<u32>(HEADS + 4 * k, load<u32>(head));
    return <usize>head;
  }
  const bytes = <usize>1 << k;
  if (bytes > MEMORY_MAX - top) return 0;
  const start = top;
  const end = start + bytes;
  const have = <usize>memory.size() << 16;
  if (end > have) {
    if (memory.grow(<i32>((end - have + 0xffff) >> 16)) < 0) return 0;
  }
  top = end;
  return start;
}

export function dealloc(ptr: usize, size: usize): void {
  if (ptr == 0) return;
  const k = shiftOf(size);
  store<u32>(ptr, load<u32>(HEADS + 4 * k));
  store<u32>(HEADS + 4 * k, <u32>ptr);
}

// Drops every block at once: the free lists are emptied and the bump pointer goes back to the
// base. Memory already grown is kept for the next call.
function heapReset(): void {
  memory.fill(HEADS, 0, 4 * 32);
  top = HEAP_BASE;
}

// ---- words ----

function isBlank(c: u8): bool { return c == 0x20 || c == 0x09 || c == 0x0d; }

// Output size of the line [p, e) (without its LF).
function lineSize(p: usize, e: usize): usize {
  let size: usize = 0, words: usize = 0;
  while (p < e) {
    while (p < e && isBlank(load<u8>(p))) p++;
    if (p >= e) break;
    const s = p;
    while (p < e && !isBlank(load<u8>(p))) p++;
    size += p - s;
    words++;
  }
  return words == 0 ? 0 : size + words - 1;
}

function run(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  let need: usize = 0;
  let maxWords: usize = 0;
  let p = inputPtr;
  while (p < end) {
    let e = p;
    while (e < end && load<u8>(e) != LF) e++;
    need += lineSize(p, e) + (e < end ? 1 : 0);
    const words = (e - p + 1) >> 1;
    if (words > maxWords) maxWords = words;
    p = e + 1;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  // Word index of one line: start and end address of each word, 8 bytes a word.
  const index = maxWords > 0 ? alloc(maxWords * 8) : 0;
  if (index == 0 && maxWords > 0) return -2;

  let o = outputPtr;
  p = inputPtr;
  while (p < end) {
    let e = p;
    while (e < end && load<u8>(e) != LF) e++;
    let n: usize = 0;
    let q = p;
    while (q < e) {
      while (q < e && isBlank(load<u8>(q))) q++;
      if (q >= e) break;
      const s = q;
      while (q < e && !isBlank(load<u8>(q))) q++;
      store<u32>(index + n * 8, <u32>s);
      store<u32>(index + n * 8 + 4, <u32>q);
      n++;
    }
    for (let k = n; k > 0; k--) {
      const s = <usize>load<u32>(index + (k - 1) * 8);
      const t = <usize>load<u32>(index + (k - 1) * 8 + 4);
      memory.copy(o, s, t - s);
      o += t - s;
      if (k > 1) store<u8>(o++, 0x20);
    }
    if (e < end) store<u8>(o++, LF);
    p = e + 1;
  }
  store<u32>(outputLenPtr, <u32>(o - outputPtr));
  return 0;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const rc = run(inputPtr, inputLen, outputPtr, outputLenPtr);
  heapReset(); // the call is over: nothing it allocated is needed any more
  return rc;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 1 << 8; }
