//asc: --runtime stub
// fmt-bytes: each line is a byte count in plain decimal digits (a u64); each becomes a human
// size in IEC units with one decimal, truncated: "512" -> "512 B", "1536" -> "1.5 KiB",
// "18446744073709551615" -> "15.9 EiB". Empty lines are skipped; anything but digits and LF,
// or a number past u64, is -1. No heap use: output is written straight into the host's buffer
// after an exact sizing pass.
const INFO = memory.data<u8>([0x66, 0x6d, 0x74, 0x2d, 0x62, 0x79, 0x74, 0x65, 0x73, 0x20, 0x76, 0x30, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "fmt-bytes v0.1.0"
const UNITS = memory.data<u8>([0x4B, 0x4D, 0x47, 0x54, 0x50, 0x45]); // K M G T P E

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function digits(v: u64): usize { let d: usize = 1; while (v >= 10) { v /= 10; d++; } return d; }

// writes one formatted line at out (when out != 0); returns its length
function format(v: u64, out: usize): usize {
  let k: u32 = 0;
  while (k < 6 && (v >> (<u64>(k + 1) * 10)) != 0) k++;
  if (k == 0) {
    const d = digits(v);
    if (out) { let x = v; for (let j = d; j > 0; j--) { store<u8>(out + j - 1, <u8>(48 + x % 10)); x /= 10; } store<u8>(out + d, 0x20); store<u8>(out + d + 1, 0x42); store<u8>(out + d + 2, 0x0A); }
    return d + 3; // "<v> B\n"
  }
  const shift = <u64>k * 10;
  const whole = v >> shift;
  const tenth = ((v & ((<u64>1 << shift) - 1)) * 10) >> shift;
  const d = digits(whole);
  if (out) {
    let x = whole;
    for (let j = d; j > 0; j--) { store<u8>(out + j - 1, <u8>(48 + x % 10)); x /= 10; }
    store<u8>(out + d, 0x2E);
    store<u8>(out + d + 1, <u8>(48 + tenth));
    store<u8>(out + d + 2, 0x20);
    store<u8>(out + d + 3, load<u8>(UNITS + k - 1));
    store<u8>(out + d + 4, 0x69);
    store<u8>(out + d + 5, 0x42);
    store<u8>(out + d + 6, 0x0A);
  }
  return d + 7; // "<w>.<t> KiB\n"
}

// one pass over the lines; returns the output size, or -1 for bad input
function run(p: usize, n: usize, out: usize): isize {
  let total: usize = 0;
  let i: usize = 0;
  while (i < n) {
    let v: u64 = 0;
    let any = false;
    while (i < n) {
      const c = <u32>load<u8>(p + i);
      if (c == 0x0A) break;
      if (c < 48 || c > 57) return -1;
      const dgt = <u64>(c - 48);
      if (v > (<u64>0xFFFFFFFFFFFFFFFF - dgt) / 10) return -1;
      v = v * 10 + dgt;
      any = true;
      i++;
    }
    i++; // the LF
    if (any) total += format(v, out ? out + total : 0);
  }
  return <isize>total;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const needed = run(inputPtr, inputLen, 0);
  if (needed < 0) return -1;
  if (<usize>needed > <usize>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>needed); return -3; }
  run(inputPtr, inputLen, outputPtr);
  store<u32>(outputLenPtr, <u32>needed);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x000100; }
