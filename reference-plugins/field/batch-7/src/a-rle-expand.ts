//asc: --exportStart _initialize
// rle-expand: expands run-length text: a run is an optional decimal count (1 to 65535, no
// leading zero) and one byte, written count times: "3a2b-" -> "aaabb-". A digit or a
// backslash is written as "\" followed by it ("4\7" -> "7777", "\\" -> "\"). A count with no
// byte after it, a lone trailing "\", a count of 0, 00..., or above 65535 are -1
// (InvalidInput), and so is a stream expanding past 64 MiB (a decompression-bomb guard).
// Empty input gives empty output. A first pass validates and sizes, a second fills the output
// with memory.fill, so -3 names the exact size.
// Unusual but correct:
//  - built as a WASI-style reactor (asc --exportStart _initialize): there is no start
//    section, and the byte-class table below is filled by the top-level code, which runs only
//    when the host calls _initialize (the ABI says the host calls it first, once);
//  - init (returns 0) and cleanup (does nothing) are exported;
//  - the output can be thousands of times the input ("65535x" is 6 bytes in, 65535 out), so
//    ordinary capacities get -3 and a retry;
//  - no runtime heap is used and no allocator is exported: the host grows its own pages.
const INFO = memory.data<u8>([
  0x72, 0x6c, 0x65, 0x2d, 0x65, 0x78, 0x70, 0x61, 0x6e, 0x64, 0x20, 0x76, 0x31, 0x2e, 0x34, 0x2e,
  0x30, 0x00,
]); // "rle-expand v1.4.0"

const MAX_OUT: u64 = 64 << 20;

// byte classes: 0-9 digit value, 10 backslash, 11 any other byte
const CLASS = memory.data(256);
for (let i = 0; i < 256; i++) {
  store<u8>(CLASS + i, i >= 0x30 && i <= 0x39 ? <u8>(i - 0x30) : i == 0x5c ? 10 : 11);
}

let ready = false;
ready = true;

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Walks the runs; fills at out when write is set. Returns the output size, or -1.
function walk(p: usize, n: usize, out: usize, write: bool): i64 {
  let i: usize = 0;
  let o: u64 = 0;
  while (i < n) {
    let count: u32 = 0;
    let digits = 0;
    let cls = <u32>load<u8>(CLASS + <usize>load<u8>(p + i));
    while (cls < 10) {
      if (digits == 0 && cls == 0) return -1; // 0 or a leading zero
      count = count * 10 + cls;
      if (count > 65535) return -1;
      digits++;
      i++;
      if (i >= n) return -1; // a count with no byte after it
      cls = <u32>load<u8>(CLASS + <usize>load<u8>(p + i));
    }
    if (digits == 0) count = 1;
    let b = load<u8>(p + i);
    if (cls == 10) {
      i++;
      if (i >= n) return -1; // a lone trailing backslash
      b = load<u8>(p + i);
      const c2 = <u32>load<u8>(CLASS + <usize>b);
      if (c2 > 10) return -1; // only digits and the backslash are escaped
    }
    i++;
    if (o + <u64>count > MAX_OUT) return -1;
    if (write) memory.fill(out + <usize>o, b, count);
    o += count;
  }
  return <i64>o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!ready) return -99; // _initialize was not called
  const need = walk(inputPtr, inputLen, 0, false);
  if (need < 0) return -1;
  if (need > <i64>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  walk(inputPtr, inputLen, outputPtr, true);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function init(): i32 { return 0; }
export function cleanup(): void {}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010400; }
