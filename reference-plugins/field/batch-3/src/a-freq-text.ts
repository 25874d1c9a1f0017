// freq-text: a byte-frequency table as text, one "hh=count\n" line per byte value present, in
// byte order ("aab" -> "61=2\n62=1\n"). Allocates nothing per call.
const INFO = memory.data<u8>([0x66, 0x72, 0x65, 0x71, 0x2d, 0x74, 0x65, 0x78, 0x74, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "freq-text v1.1.0"
const HEX = memory.data<u8>([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const counts = new StaticArray<u32>(255);

function digits(v: u32): usize { let d: usize = 1; while (v >= 10) { v /= 10; d++; } return d; }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  for (let b = 0; b < counts.length; b++) counts[b] = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const b = <i32>load<u8>(inputPtr + i);
    counts[b] = counts[b] + 1;
  }
  let need: usize = 0;
  for (let b = 0; b < counts.length; b++) if (counts[b]) need += 4 + digits(counts[b]);
  if (need > <usize>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>need); return -3; }
  let o: usize = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    if (!c) continue;
    store<u8>(outputPtr + o, load<u8>(HEX + (b >> 4)));
    store<u8>(outputPtr + o + 1, load<u8>(HEX + (b & 15)));
    store<u8>(outputPtr + o + 2, 61);
    const d = digits(c);
    let v = c;
    for (let k = d; k > 0; k--) { store<u8>(outputPtr + o + 2 + k, <u8>(48 + v % 10)); v /= 10; }
    store<u8>(outputPtr + o + 3 + d, 10);
    o += 4 + d;
  }
  store<u32>(outputLenPtr, <u32>o);
  return 0;
}

export function plugin_info(): usize { return INFO; }
