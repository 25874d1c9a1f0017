// frame-lines: splits text into lines and frames them as length-prefixed records for a binary
// pipeline stage: the output is a u32 (little-endian) record count, then for each line a u32
// byte length and the line's bytes, without its LF (and without a CR before the LF). A last
// line without LF is a record too; a final LF does not start an empty one. Every input is
// accepted (lines are bytes, not necessarily text): "ab\ncde" -> 02000000 02000000 6162
// 03000000 636465. The empty input gives the 4-byte output 00000000 (no records).
// Two passes: the first counts the records and sizes the output, the second writes them. No
// heap and no allocator exports: process only uses load/store on the host's buffers.
const INFO = memory.data<u8>([0x66, 0x72, 0x61, 0x6d, 0x65, 0x2d, 0x6c, 0x69, 0x6e, 0x65, 0x73, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x31, 0x00]); // "frame-lines v1.0.1"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// The end of the line starting at s (the LF, or end), and its content end (before a CR).
function lineEnd(s: usize, end: usize): usize {
  let e = s;
  while (e < end && load<u8>(e) != 0x0a) e++;
  return e;
}

function contentEnd(s: usize, e: usize): usize {
  return e > s && load<u8>(e - 1) == 0x0d ? e - 1 : e;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  // First pass: count the records and size the output.
  let count: u32 = 0;
  let need: usize = 4;
  let s = inputPtr;
  while (s < end) {
    const e = lineEnd(s, end);
    need += 4 + (contentEnd(s, e) - s);
    count++;
    s = e + 1;
  }
  store<u32>(outputPtr, count); // the header

  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  // Second pass: the records.
  let o = outputPtr + 4;
  s = inputPtr;
  while (s < end) {
    const e = lineEnd(s, end);
    const n = contentEnd(s, e) - s;
    store<u32>(o, <u32>n);
    memory.copy(o + 4, s, n);
    o += 4 + n;
    s = e + 1;
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return (1 << 16) | 1; }
