//asc: --runtime stub
// nl-width: numbers every line, like `nl -ba` with the width fitted to the input: each line
// becomes its number (from 1), right-aligned in as many columns as the largest number needs,
// a TAB, then the line: "a\nb\n" -> "1\ta\n2\tb\n", and with 10 to 99 lines the numbers are
// " 1" .. "99". Lines end at LF; a last line without a LF is numbered too and stays without
// one; the empty input gives the empty output. Every input is accepted. Two passes: the first
// counts the lines to fix the width and sizes the output (-3 names it), the second writes.
// No heap, no imports.
const INFO = memory.data<u8>([0x6e, 0x6c, 0x2d, 0x77, 0x69, 0x64, 0x74, 0x68, 0x20, 0x76, 0x30, 0x2e, 0x39, 0x2e, 0x30, 0x00]); // "nl-width v0.9.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function plugin_info(): usize { return INFO; }

const LF: u8 = 0x0a;
const TAB: u8 = 0x09;

function digits(v: usize): usize {
  let d: usize = 1;
  while (v >= 10) { v /= 10; d++; }
  return d;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;
  if (inputLen == 0) {
    store<u32>(outputLenPtr, 0);
    return 0;
  }
  // Pass 1: the number of lines is the number of line feeds (at least one line).
  let lines: usize = 0;
  for (let p = inputPtr; p < end; p++) if (load<u8>(p) == LF) lines++;
  const width = digits(lines > 0 ? lines : 1);
  const open = load<u8>(end - 1) != LF ? 1 : 0;
  const need = inputLen + (lines + open) * (width + 1);
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  // Pass 2: number and copy.
  let o = outputPtr;
  let n: usize = 0;
  let p = inputPtr;
  while (p < end) {
    n++;
    const d = digits(n);
    for (let i = d; i < width; i++) store<u8>(o++, 0x20);
    let v = n;
    for (let i: usize = 0; i < d; i++) { store<u8>(o + d - 1 - i, <u8>(0x30 + v % 10)); v /= 10; }
    o += d;
    store<u8>(o++, TAB);
    let e = p;
    while (e < end && load<u8>(e) != LF) e++;
    memory.copy(o, p, e - p);
    o += e - p;
    if (e < end) store<u8>(o++, LF);
    p = e + 1;
  }
  store<u32>(outputLenPtr, <u32>(o - outputPtr));
  return 0;
}
