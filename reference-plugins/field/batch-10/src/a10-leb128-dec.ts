//asc: --runtime stub
// leb128-dec: decodes a stream of unsigned LEB128 varints (protobuf, WebAssembly, DWARF) into
// decimal text, one value per line: 96 01 05 -> "150\n5\n". Values go up to 2^64-1 (at most
// 10 bytes; the 10th may only be 0 or 1); a longer or overflowing varint is -1 (InvalidInput).
// The empty input gives the empty output.
// Written for chunked input: a varint cut off by the end of the input is reported as
// incomplete, with the number of input bytes that were complete varints, so that a streaming
// host can keep the rest for the next chunk. A sizing pass, then a writing pass straight into
// the host's buffer. No heap, no allocator exports, no imports.
const INFO = memory.data<u8>([0x6c, 0x65, 0x62, 0x31, 0x32, 0x38, 0x2d, 0x64, 0x65, 0x63, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x32, 0x00]); // "leb128-dec v1.0.2"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Decoder status.
const DONE: i32 = 0;
const BAD: i32 = 1;
const INCOMPLETE: i32 = 2;

// Set by next(): the value decoded and where the next varint starts.
let value: u64 = 0;
let cursor: usize = 0;

function next(p: usize, end: usize): i32 {
  let v: u64 = 0;
  let shift: u32 = 0;
  for (let i = 0; i < 10; i++) {
    if (p >= end) return INCOMPLETE;
    const b = <u64>load<u8>(p++);
    if (i == 9 && b > 1) return BAD;
    v |= (b & 0x7f) << shift;
    if ((b & 0x80) == 0) {
      value = v;
      cursor = p;
      return DONE;
    }
    shift += 7;
  }
  return BAD;
}

function decDigits(v: u64): usize {
  let n: usize = 1;
  while (v >= 10) { v /= 10; n++; }
  return n;
}

// Maps a decoder status to the ABI.
function fail(status: i32): i32 {
  if (status == BAD) return -1;
  return -3; // INCOMPLETE: we need a bigger buffer (more input) before we can finish
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  let need: usize = 0;
  let p = inputPtr;
  while (p < end) {
    const st = next(p, end);
    if (st != DONE) {
      // Tell a streaming host how much of the input was used.
      store<u32>(outputLenPtr, <u32>(p - inputPtr));
      return fail(st);
    }
    need += decDigits(value) + 1;
    p = cursor;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  let o = outputPtr;
  p = inputPtr;
  while (p < end) {
    next(p, end);
    p = cursor;
    let v = value;
    const n = decDigits(v);
    for (let k = n; k > 0; k--) {
      store<u8>(o + k - 1, <u8>(0x30 + <u32>(v % 10)));
      v /= 10;
    }
    o += n;
    store<u8>(o++, 0x0a);
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 2; }
