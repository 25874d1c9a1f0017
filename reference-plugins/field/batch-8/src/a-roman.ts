// roman: decimal integers, one per line, to Roman numerals in standard form, one per line:
// "1994\n2024\n4" -> "MCMXCIV\nMMXXIV\nIV\n". A line is 1 to 4 ASCII digits with a value
// from 1 up to 3999 (standard form has no numeral for 4000 or more, and none for 0); a CR
// before the LF is allowed and a final LF is optional; anything else (blank lines, signs,
// spaces, 0, larger values) is -1 (InvalidInput). The empty input gives the empty output.
// A first pass validates and sizes, a second writes. No heap and no allocator exports: the
// numeral pieces are static strings, process only uses load/store.
const INFO = memory.data<u8>([0x72, 0x6f, 0x6d, 0x61, 0x6e, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "roman v1.0.0"

const MAX_ROMAN: i32 = 4000; // the first value standard form cannot write

const THOUSANDS: StaticArray<string> = ["", "M", "MM", "MMM"];
const HUNDREDS: StaticArray<string> = ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"];
const TENS: StaticArray<string> = ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"];
const ONES: StaticArray<string> = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Parses the line [s, e); -1 when it is not a number roman can write.
function parseLine(s: usize, e: usize): i32 {
  if (e == s || e - s > 4) return -1;
  let v: i32 = 0;
  for (let p = s; p < e; p++) {
    const d = <u32>load<u8>(p) - 0x30;
    if (d > 9) return -1;
    v = v * 10 + <i32>d;
  }
  if (v < 1 || v > MAX_ROMAN) return -1;
  return v;
}

// Writes s (ASCII) at p when write is set; returns its length.
function putStr(p: usize, s: string, write: bool): usize {
  const n = <usize>s.length;
  if (write) for (let k: usize = 0; k < n; k++) store<u8>(p + k, <u8>s.charCodeAt(<i32>k));
  return n;
}

// Walks the lines; writes at out when write is set. Returns the output size, or -1.
function walk(inputPtr: usize, inputLen: usize, out: usize, write: bool): i64 {
  const end = inputPtr + inputLen;
  let s = inputPtr;
  let o: usize = 0;
  while (s < end) {
    let e = s;
    while (e < end && load<u8>(e) != 0x0a) e++;
    const next = e + 1;
    if (e > s && load<u8>(e - 1) == 0x0d) e--;
    const v = parseLine(s, e);
    if (v < 0) return -1;
    o += putStr(out + o, THOUSANDS[v / 1000], write);
    o += putStr(out + o, HUNDREDS[(v / 100) % 10], write);
    o += putStr(out + o, TENS[(v / 10) % 10], write);
    o += putStr(out + o, ONES[v % 10], write);
    if (write) store<u8>(out + o, 0x0a);
    o++;
    s = next;
  }
  return <i64>o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
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

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16; }
