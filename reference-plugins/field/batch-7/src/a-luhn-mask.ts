// luhn-mask: masks payment card numbers in log text (PCI DSS style). A card number is a run
// of 13 to 19 digits, optionally grouped by single spaces or dashes between digits
// ("4111 1111 1111 1111", "4111-1111-1111-1111"), not touching another digit, that passes
// the Luhn check; all its digits but the last four become '*', separators are kept:
// "card=4111111111111111 ok" -> "card=************1111 ok". Digit runs that are not card
// numbers (too short or long, bad check digit) are copied unchanged. Any bytes are accepted,
// the output is exactly as long as the input; empty input gives empty output.
// The input is read through a Uint8Array view over the host's buffer (no copy); the output is
// the input with the masked digits overwritten. alloc/dealloc give the host blocks of the
// runtime's heap, since the view is a runtime object.
const INFO = memory.data<u8>([
  0x6c, 0x75, 0x68, 0x6e, 0x2d, 0x6d, 0x61, 0x73, 0x6b, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x31, 0x00,
]); // "luhn-mask v1.0.1"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

@inline function isDigit(c: u32): bool { return c - 0x30 < 10; }
@inline function isSep(c: u32): bool { return c == 0x20 || c == 0x2d; }

// Luhn check over the digits of src[start, end) (separators skipped), given their count.
function luhnOk(src: Uint8Array, start: i32, end: i32): bool {
  let sum = 0;
  let double = false;
  for (let i = end - 1; i >= start; i--) {
    const c = <u32>src[i];
    if (!isDigit(c)) continue;
    let d = <i32>(c - 0x30);
    if (double) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
    double = !double;
  }
  return sum % 10 == 0;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (<usize>load<u32>(outputLenPtr) < inputLen) {
    store<u32>(outputLenPtr, <u32>inputLen);
    return -3;
  }
  if (inputLen == 0) {
    store<u32>(outputLenPtr, 0);
    return 0;
  }
  const src = Uint8Array.wrap(changetype<ArrayBuffer>(inputPtr), 0, <i32>inputLen);
  const n = src.length;
  memory.copy(outputPtr, inputPtr, inputLen);
  let i = 0;
  while (i < n) {
    if (!isDigit(src[i])) { i++; continue; }
    // a candidate: digits with single separators between digits
    const start = i;
    let digits = 0;
    let end = i;
    while (end < n) {
      const c = <u32>src[end];
      if (isDigit(c)) { digits++; end++; continue; }
      if (isSep(c) && end + 1 < n && isDigit(src[end + 1])) { end++; continue; }
      break;
    }
    if (digits >= 13 && digits <= 19 && luhnOk(src, start, end)) {
      let left = digits - 4;
      for (let k = start; k < end && left > 0; k++) {
        if (isDigit(src[k])) { store<u8>(outputPtr + <usize>k, 0x2a); left--; }
      }
    }
    i = end;
  }
  store<u32>(outputLenPtr, <u32>inputLen);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010001; }
