//asc: --runtime stub
// hex-decode: decodes hex digits (either case) to bytes; ASCII whitespace between them (space,
// tab, CR, LF) is ignored, so "de ad\nbe ef" -> de ad be ef. Anything else, or an odd number of
// digits, is -1. No heap use.
const INFO = memory.data<u8>([0x68, 0x65, 0x78, 0x2d, 0x64, 0x65, 0x63, 0x6f, 0x64, 0x65, 0x20, 0x76, 0x32, 0x2e, 0x32, 0x2e, 0x30, 0x00]); // "hex-decode v2.2.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function nibble(c: u32): i32 {
  if (c >= 48 && c <= 57) return <i32>c - 48;
  if (c >= 97 && c <= 102) return <i32>c - 87;
  if (c >= 65 && c <= 70) return <i32>c - 55;
  return -1;
}
function isWs(c: u32): bool { return c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D; }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  // validate first
  let digits: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const c = <u32>load<u8>(inputPtr + i);
    if (isWs(c)) continue;
    if (nibble(c) < 0) return -1;
    digits++;
  }
  if (digits & 1) return -1;
  // two input characters make one output byte
  const needed = inputLen / 2;
  if (needed > <usize>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>needed); return -3; }
  let o: usize = 0;
  let hi: i32 = -1;
  for (let i: usize = 0; i < inputLen; i++) {
    const c = <u32>load<u8>(inputPtr + i);
    if (isWs(c)) continue;
    const v = nibble(c);
    if (hi < 0) hi = v;
    else { store<u8>(outputPtr + o, <u8>((hi << 4) | v)); o++; hi = -1; }
  }
  store<u32>(outputLenPtr, <u32>o);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x020200; }
