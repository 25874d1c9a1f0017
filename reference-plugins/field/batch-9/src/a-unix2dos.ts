// unix2dos: converts line ends to CRLF: every LF not already preceded by a CR gets one
// ("a\nb\r\nc" -> "a\r\nb\r\nc"); CRLF pairs and lone CRs are kept as they are, and no line end
// is added at the end. Every input is accepted; the output is at most twice the input, and the
// empty input gives the empty output.
// One sizing pass, one writing pass, straight into the host's buffer (the output is written
// while the input is still being read, so the two must not overlap). No heap, no allocator
// exports, no imports.
const INFO = memory.data<u8>([0x75, 0x6e, 0x69, 0x78, 0x32, 0x64, 0x6f, 0x73, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "unix2dos v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  // We write the output while still reading the input: refuse buffers that overlap.
  if (outputPtr < inputPtr + inputLen) return -1;

  const end = inputPtr + inputLen;
  let need: usize = inputLen;
  let prev: u32 = 0;
  for (let p = inputPtr; p < end; p++) {
    const c = <u32>load<u8>(p);
    if (c == 0x0a && prev != 0x0d) need++;
    prev = c;
  }
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let o = outputPtr;
  prev = 0;
  for (let p = inputPtr; p < end; p++) {
    const c = <u32>load<u8>(p);
    if (c == 0x0a && prev != 0x0d) store<u8>(o++, 0x0d);
    store<u8>(o++, <u8>c);
    prev = c;
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16; }
