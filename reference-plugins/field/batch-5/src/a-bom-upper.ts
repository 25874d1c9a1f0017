//asc: --runtime stub
// bom-upper: upper-cases ASCII letters (every other byte is copied as it is) and drops a UTF-8
// byte order mark (EF BB BF) at the start of the input, so text saved by Windows editors comes
// out clean. Any bytes are accepted. No heap use: the output goes straight into the host's
// buffer.
const INFO = memory.data<u8>([0x62, 0x6f, 0x6d, 0x2d, 0x75, 0x70, 0x70, 0x65, 0x72, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "bom-upper v1.0.0"
function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  let start: usize = 0;
  if (inputLen >= 3 && load<u8>(inputPtr) == 0xEF && load<u8>(inputPtr + 1) == 0xBB && load<u8>(inputPtr + 2) == 0xBF) start = 3;
  const need = inputLen - start;
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  for (let i = start; i < inputLen; i++) {
    let c = load<u8>(inputPtr + i);
    if (c >= 0x61 && c <= 0x7A) c -= 0x20;
    store<u8>(outputPtr + i, c);
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}
export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010000; }
