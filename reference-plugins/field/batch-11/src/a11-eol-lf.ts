// eol-lf: normalises line endings to LF: CR LF and a lone CR (old Mac text) both become LF, so
// "a\r\nb\rc\n" -> "a\nb\nc\n"; everything else is copied byte for byte. Every input is
// accepted; the empty input gives the empty output. The output is never longer than the input;
// -3 with the needed size when it does not fit.
// A counting pass (one byte less for every CR LF pair), then a copying pass straight into the
// host's buffer. No heap, no imports, no state between calls.
//
// plugin_info carries the display name shown in the host's plugin list.
const INFO = memory.data<u8>([
  0x45, 0x4f, 0x4c, 0x20, 0x6e, 0x6f, 0x72, 0x6d, 0x61, 0x6c, 0x69, 0x7a, 0x65, 0x72, // "EOL normalizer"
  0x20, 0x76, 0x31, 0x2e, 0x32, 0x2e, 0x30, 0x00,                                     // " v1.2.0"
]);

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const LF: u8 = 0x0a;
const CR: u8 = 0x0d;

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  let need = inputLen;
  for (let p = inputPtr; p + 1 < end; p++) {
    if (load<u8>(p) == CR && load<u8>(p, 1) == LF) need--;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  let o = outputPtr;
  let p = inputPtr;
  while (p < end) {
    const c = load<u8>(p++);
    if (c == CR) {
      store<u8>(o++, LF);
      if (p < end && load<u8>(p) == LF) p++;
    } else {
      store<u8>(o++, c);
    }
  }
  store<u32>(outputLenPtr, <u32>(o - outputPtr));
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 2 << 8; }
