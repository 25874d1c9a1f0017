// xxd-plain: plain hex dump, as `xxd -p` writes it: lowercase hex digits, 30 input bytes (60
// digits) per line, every line ended by LF: "Zen" -> "5a656e\n". Any bytes are accepted;
// the empty input gives the empty output. The size is computed from the input length and
// checked against the capacity, then the digits are written straight into the host's buffer.
// No heap and no allocator exports: process only uses load/store, the host grows its own
// pages.
const INFO = memory.data<u8>([0x78, 0x78, 0x64, 0x2d, 0x70, 0x6c, 0x61, 0x69, 0x6e, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "xxd-plain v1.0.0"
const HEX = memory.data<u8>([0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66]);

const BYTES_PER_LINE: usize = 30;

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  // two digits per byte, and one LF per line
  const need: u64 = <u64>inputLen * 2 + <u64>(inputLen / BYTES_PER_LINE);
  if (need > <u64>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let o = outputPtr;
  let col: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const b = <usize>load<u8>(inputPtr + i);
    store<u8>(o, load<u8>(HEX + (b >> 4)));
    store<u8>(o + 1, load<u8>(HEX + (b & 15)));
    o += 2;
    if (++col == BYTES_PER_LINE) {
      store<u8>(o++, 0x0a);
      col = 0;
    }
  }
  if (col > 0) store<u8>(o++, 0x0a);
  store<u32>(outputLenPtr, <u32>(o - outputPtr));
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16; }
