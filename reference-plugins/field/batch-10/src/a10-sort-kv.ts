//asc: --runtime stub
// sort-kv: sorts "key=value" lines by key, for stable diffs of config dumps and env files:
// lines are ordered by the bytes before their first '=' (the whole line when it has none),
// byte-wise, shorter key first on a tie of its prefix; lines with equal keys keep their input
// order (a stable merge sort). Empty lines are dropped and every output line ends with a LF
// ("b=2\na=1\nb=0" -> "a=1\nb=2\nb=0\n"). Every input is accepted; the empty input gives the
// empty output.
// Memory: the stub runtime never frees, so blocks are recycled here instead: every block
// (the host's buffers and the sort's index) comes from a power-of-two size class, 16 bytes to
// 256 MiB, and a freed block goes onto its class's free list for the next alloc of that class.
const INFO = memory.data<u8>([0x73, 0x6f, 0x72, 0x74, 0x2d, 0x6b, 0x76, 0x20, 0x76, 0x30, 0x2e, 0x34, 0x2e, 0x31, 0x00]); // "sort-kv v0.4.1"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// ---- size-class allocator ----

const MIN_SHIFT: i32 = 4;   // 16 bytes
const MAX_SHIFT: i32 = 28;  // 256 MiB
const NCLASSES: i32 = MAX_SHIFT - MIN_SHIFT + 1;
const heads = new StaticArray<usize>(NCLASSES);

// The class of a block of `size` bytes: ceil(log2(size)), at least MIN_SHIFT.
function classOf(size: usize): i32 {
  let shift = 32 - <i32>clz<u32>(<u32>(size - 1));
  if (shift < MIN_SHIFT) shift = MIN_SHIFT;
  return shift - MIN_SHIFT;
}

export function alloc(size: usize): usize {
  if (size > (<usize>1 << MAX_SHIFT)) return 0;
  const k = classOf(size);
  const head = heads[k];
  if (head != 0) {
    heads[k] = load<usize>(head);
    return head;
  }
  return heap.alloc(<usize>1 << (k + MIN_SHIFT));
}

export function dealloc(ptr: usize, size: usize): void {
  if (ptr == 0) return;
  const k = classOf(size);
  store<usize>(ptr, heads[k]);
  heads[k] = ptr;
}

// ---- sorting ----

// An index entry is 3 u32: line start (absolute address), line length, key length.
const ENTRY: usize = 12;

function lessOrEqual(a: usize, b: usize): bool {
  const pa = <usize>load<u32>(a), ka = <usize>load<u32>(a, 8);
  const pb = <usize>load<u32>(b), kb = <usize>load<u32>(b, 8);
  const n = ka < kb ? ka : kb;
  const c = memory.compare(pa, pb, n);
  if (c != 0) return c < 0;
  return ka <= kb;
}

// Bottom-up merge sort of `count` entries at src, using tmp; returns where the result is.
function mergeSort(src: usize, tmp: usize, count: usize): usize {
  for (let width: usize = 1; width < count; width <<= 1) {
    for (let lo: usize = 0; lo < count; lo += width << 1) {
      let mid = lo + width; if (mid > count) mid = count;
      let hi = lo + (width << 1); if (hi > count) hi = count;
      let i = lo, j = mid, o = lo;
      while (i < mid && j < hi) {
        if (lessOrEqual(src + i * ENTRY, src + j * ENTRY)) { memory.copy(tmp + o * ENTRY, src + i * ENTRY, ENTRY); i++; }
        else { memory.copy(tmp + o * ENTRY, src + j * ENTRY, ENTRY); j++; }
        o++;
      }
      if (i < mid) memory.copy(tmp + o * ENTRY, src + i * ENTRY, (mid - i) * ENTRY);
      if (j < hi) memory.copy(tmp + (o + mid - i) * ENTRY, src + j * ENTRY, (hi - j) * ENTRY);
    }
    const t = src; src = tmp; tmp = t;
  }
  return src;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  // Count the non-empty lines and the output size.
  let lines: usize = 0;
  let need: usize = 0;
  let s = inputPtr;
  while (s < end) {
    let e = s;
    while (e < end && load<u8>(e) != 0x0a) e++;
    if (e > s) { lines++; need += e - s + 1; }
    s = e + 1;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  if (lines == 0) {
    store<u32>(outputLenPtr, 0);
    return 0;
  }

  const idx = alloc(lines * ENTRY);
  const tmp = alloc(lines * ENTRY);
  if (idx == 0 || tmp == 0) {
    dealloc(idx, lines * ENTRY);
    dealloc(tmp, lines * ENTRY);
    return -2;
  }
  let n: usize = 0;
  s = inputPtr;
  while (s < end) {
    let e = s;
    let key: usize = <usize>-1;
    while (e < end && load<u8>(e) != 0x0a) {
      if (key == <usize>-1 && load<u8>(e) == 0x3d) key = e - s;
      e++;
    }
    if (e > s) {
      const at = idx + n * ENTRY;
      store<u32>(at, <u32>s);
      store<u32>(at, <u32>(e - s), 4);
      store<u32>(at, <u32>(key == <usize>-1 ? e - s : key), 8);
      n++;
    }
    s = e + 1;
  }
  const sorted = mergeSort(idx, tmp, lines);

  let o = outputPtr;
  for (let i: usize = 0; i < lines; i++) {
    const at = sorted + i * ENTRY;
    const len = <usize>load<u32>(at, 4);
    memory.copy(o, <usize>load<u32>(at), len);
    o += len;
    store<u8>(o++, 0x0a);
  }
  dealloc(idx, lines * ENTRY);
  dealloc(tmp, lines * ENTRY);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 4 << 8 | 1; }
