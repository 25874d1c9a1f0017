//asc: --exportStart _initialize --runtime stub
// bits-ascii: writes every input byte as 8 binary digits, most significant bit first, eight
// bytes to a line: groups separated by one space, each line ended by a LF ("Hi" ->
// "01001000 01101001\n"). Every input is accepted; the empty input gives the empty output.
// The output is about 9 times the input: -3 with the exact size, 9 bytes a byte (each group is
// followed by a space or, every 8th group and after the last one, by a LF).
// Unusual on purpose: the module has no start function. Its top-level code, which builds the
// 256-entry table of digit groups (2 KiB of static memory, 8 bytes a byte value), is exported
// as _initialize (asc --exportStart), the WASI reactor initializer that the ABI has the host
// call first and once; until it runs the table is all zeros. The stub runtime is linked but
// never allocates (no heap use at all), no alloc/dealloc, no imports. process keeps no state.
const INFO = memory.data<u8>([0x62, 0x69, 0x74, 0x73, 0x2d, 0x61, 0x73, 0x63, 0x69, 0x69, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "bits-ascii v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const TABLE = memory.data(256 * 8, 8);

// Built by _initialize.
for (let v: u32 = 0; v < 256; v++) {
  for (let b: u32 = 0; b < 8; b++) {
    store<u8>(TABLE + (v << 3) + b, <u8>(0x30 + ((v >> (7 - b)) & 1)));
  }
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  if (inputLen > 0x1c71c71c) return -1; // 9n would not fit 32 bits
  const need = inputLen * 9;
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let o = outputPtr;
  for (let i: usize = 0; i < inputLen; i++) {
    const v = <usize>load<u8>(inputPtr + i);
    memory.copy(o, TABLE + (v << 3), 8);
    store<u8>(o, (i & 7) == 7 || i + 1 == inputLen ? <u8>0x0a : <u8>0x20, 8);
    o += 9;
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16; }
