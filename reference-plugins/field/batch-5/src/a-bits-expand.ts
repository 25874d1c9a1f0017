//asc: --runtime stub
// bits: writes every input byte as its 8 binary digits, most significant first, eight bytes to
// a line: "A" -> "01000001\n", "AB" -> "01000001 01000010\n". Each byte takes 9 output bytes
// (its digits and a space, or LF after the 8th byte of a line and after the last byte), so
// the output is 9 times the input. Any bytes are accepted. init builds the 256 digit strings
// (2 KiB) once; process builds them too if the host did not call init; cleanup clears them.
const INFO = memory.data<u8>([0x62, 0x69, 0x74, 0x73, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "bits v1.1.0"
const DIGITS = memory.data(256 * 8, 8);
let ready = false;
function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function build(): void {
  for (let b: u32 = 0; b < 256; b++) {
    for (let k: u32 = 0; k < 8; k++) store<u8>(DIGITS + (<usize>b << 3) + k, ((b >> (7 - k)) & 1) ? 0x31 : 0x30);
  }
  ready = true;
}
export function init(): i32 { build(); return 0; }
export function cleanup(): void { memory.fill(DIGITS, 0, 256 * 8); ready = false; }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (inputLen > 0x1C71C71C) return -1;           // 9 * len would not fit in 32 bits
  const need = inputLen * 9;
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  if (!ready) build();
  let o = outputPtr;
  for (let i: usize = 0; i < inputLen; i++) {
    store<u64>(o, load<u64>(DIGITS + (<usize>load<u8>(inputPtr + i) << 3)));
    store<u8>(o + 8, (i % 8 == 7 || i + 1 == inputLen) ? 10 : 0x20);
    o += 9;
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}
export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010100; }
