//asc: --runtime stub
// cp1252: converts Windows-1252 text to UTF-8 (0x80..0x9F are the Windows punctuation and
// letters, 0xA0..0xFF Latin-1). The five bytes Windows-1252 leaves undefined (81 8D 8F 90 9D)
// are -1. Exports init, which builds the 256-entry conversion table, and cleanup; process
// builds it too if the host did not call init.
const INFO = memory.data<u8>([0x63, 0x70, 0x31, 0x32, 0x35, 0x32, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "cp1252 v1.0.0"
// code points of 0x80..0x9F; 0 marks an undefined byte
const HIGH = memory.data<u16>([
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
]);
const TABLE = memory.data(256 * 4, 4); // per byte: [length, utf-8 bytes...], length 0 = undefined

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

let ready = false;

function build(): void {
  for (let b: u32 = 0; b < 256; b++) {
    const e = TABLE + (<usize>b << 2);
    const cp: u32 = b >= 0x80 && b < 0xA0 ? <u32>load<u16>(HIGH + (<usize>(b - 0x80) << 1)) : b;
    if (cp == 0 && b != 0) { store<u8>(e, 0); continue; }
    if (cp < 0x80) { store<u8>(e, 1); store<u8>(e + 1, <u8>cp); }
    else if (cp < 0x800) { store<u8>(e, 2); store<u8>(e + 1, <u8>(0xC0 | (cp >> 6))); store<u8>(e + 2, <u8>(0x80 | (cp & 63))); }
    else { store<u8>(e, 3); store<u8>(e + 1, <u8>(0xE0 | (cp >> 12))); store<u8>(e + 2, <u8>(0x80 | ((cp >> 6) & 63))); store<u8>(e + 3, <u8>(0x80 | (cp & 63))); }
  }
  ready = true;
}

export function init(): i32 { build(); return 0; }
export function cleanup(): void { ready = false; }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (!ready) build();
  let needed: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const len = <usize>load<u8>(TABLE + (<usize>load<u8>(inputPtr + i) << 2));
    if (len == 0) return -1;
    needed += len;
  }
  if (needed > <usize>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>needed); return -3; }
  let o: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const e = TABLE + (<usize>load<u8>(inputPtr + i) << 2);
    const len = <usize>load<u8>(e);
    for (let k: usize = 0; k < len; k++) store<u8>(outputPtr + o + k, load<u8>(e + 1 + k));
    o += len;
  }
  store<u32>(outputLenPtr, <u32>o);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010000; }
