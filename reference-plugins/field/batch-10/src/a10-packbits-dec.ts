//asc: --runtime stub
// packbits-dec: decodes PackBits run-length data (TIFF compression 32773, Apple MacPaint): a
// header byte n, read as signed, is followed by n+1 literal bytes when 0 <= n <= 127, by one
// byte repeated 1-n times (2 to 128) when -127 <= n <= -1, and by nothing when n = -128 (a
// no-op). FE 41 02 62 63 64 -> "AAAbcd". The output can be 64 times the input (every 2-byte
// run gives 128 bytes) and can be empty for a non-empty input (80 80 80 gives nothing). A run
// or literal cut off by the end of the input is -1 (InvalidInput); the empty input gives the
// empty output.
// A sizing pass, then a writing pass straight into the host's buffer. No heap, no allocator
// exports, no imports, no state between calls.
const INFO = memory.data<u8>([0x70, 0x61, 0x63, 0x6b, 0x62, 0x69, 0x74, 0x73, 0x2d, 0x64, 0x65, 0x63, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "packbits-dec v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  // Sizing and validation. At most 64 bytes out per byte in, so `need` fits 32 bits for any
  // input below 64 MiB; larger inputs are refused rather than sized.
  if (inputLen >= (<usize>1 << 26)) return -1;
  let need: usize = 0;
  let p = inputPtr;
  while (p < end) {
    const n = <i32>load<i8>(p++);
    if (n >= 0) {
      const count = <usize>(n + 1);
      if (end - p < count) return -1;
      need += count;
      p += count;
    } else if (n != -128) {
      if (p >= end) return -1;
      need += <usize>(1 - n);
      p++;
    }
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  let o = outputPtr;
  p = inputPtr;
  while (p < end) {
    const n = <i32>load<i8>(p++);
    if (n >= 0) {
      const count = <usize>(n + 1);
      memory.copy(o, p, count);
      o += count;
      p += count;
    } else if (n != -128) {
      const count = <usize>(1 - n);
      memory.fill(o, load<u8>(p++), count);
      o += count;
    }
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16; }
