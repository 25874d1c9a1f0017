// sum-u64: adds up unsigned decimal integers, one per line, and prints the total: "12\n30\n" ->
// "42\n". Values and the total are u64 (up to 18446744073709551615); a line may end in CR LF,
// and empty lines are skipped, so the empty input gives "0\n". Anything else on a line (a sign,
// a space, a letter), or a value or total past 2^64 - 1, is -1 (InvalidInput). -3 with the
// needed size when the total does not fit.
// Scanning: the digit loop runs without a bounds check per byte. The input's last byte is
// swapped for a LF sentinel while scanning, so every line, the last one too, ends at a LF;
// the real last byte is fed in when the scan reaches the sentinel, and put back afterwards.
// No heap, no imports, no state between calls.
const INFO = memory.data<u8>([0x73, 0x75, 0x6d, 0x2d, 0x75, 0x36, 0x34, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x33, 0x00]); // "sum-u64 v1.0.3"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const LF: u32 = 0x0a;
const CR: u32 = 0x0d;
const U64_MAX: u64 = 0xffffffffffffffff;

// The current line: its value, digit count, and whether a CR has been seen (only the line end
// may follow it).
let value: u64 = 0;
let digits: i32 = 0;
let sawCR = false;
let total: u64 = 0;

// One character of a line; false when the line is not a number.
function feed(c: u32): bool {
  if (c == CR) {
    if (sawCR) return false;
    sawCR = true;
    return true;
  }
  if (sawCR || c < 0x30 || c > 0x39) return false;
  const d = <u64>(c - 0x30);
  if (value > (U64_MAX - d) / 10) return false;
  value = value * 10 + d;
  digits++;
  return true;
}

// The end of a line; false when the total overflows.
function endLine(): bool {
  if (digits > 0) {
    if (total > U64_MAX - value) return false;
    total += value;
  }
  value = 0;
  digits = 0;
  sawCR = false;
  return true;
}

function decimalLength(v: u64): usize {
  let n: usize = 1;
  while (v >= 10) { v /= 10; n++; }
  return n;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  value = 0; digits = 0; sawCR = false; total = 0;

  if (inputLen > 0) {
    const lastPos = inputPtr + inputLen - 1;
    const last = <u32>load<u8>(lastPos);
    store<u8>(lastPos, <u8>LF);
    let p = inputPtr;
    while (true) {
      const c = <u32>load<u8>(p);
      if (c == LF) {
        if (p == lastPos) {
          if (last != LF && !feed(last)) return -1;
          if (!endLine()) return -1;
          break;
        }
        if (!endLine()) return -1;
      } else if (!feed(c)) {
        return -1;
      }
      p++;
    }
    store<u8>(lastPos, <u8>last);
  }

  const need = decimalLength(total) + 1;
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let v = total;
  let o = outputPtr + need - 1;
  store<u8>(o, <u8>LF);
  do {
    o--;
    store<u8>(o, <u8>(0x30 + <u32>(v % 10)));
    v /= 10;
  } while (v != 0);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 3; }
