// ctl-strip: removes C0 control characters (0x00-0x1f and 0x7f) from text, keeping TAB, LF and
// CR, as a cleanup step before tokenizing scraped text ("a\x00b\x07c\n" -> "abc\n"). Bytes
// 0x80 and above are copied unchanged (UTF-8 passes through). Every input is accepted; the
// output is never longer than the input. -3 with the needed size.
// One pass in the common case: the output is never longer than the input, so when the
// capacity holds the whole input the bytes are filtered straight into the output; only a
// capacity below the input length needs a counting pass first, to name the size on -3.
// No heap, no imports; alloc/dealloc are not exported (the host places the buffers).
const INFO = memory.data<u8>([0x63, 0x74, 0x6c, 0x2d, 0x73, 0x74, 0x72, 0x69, 0x70, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "ctl-strip v1.1.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

@inline function keep(c: u8): bool {
  return (c >= 0x20 && c != 0x7f) || c == 0x09 || c == 0x0a || c == 0x0d;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  if (cap < inputLen) {
    // Not enough room for the worst case: count what the output needs.
    let need: usize = 0;
    for (let i: usize = 0; i < inputLen; i++) if (keep(load<u8>(inputPtr + i))) need++;
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let o: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const c = load<u8>(inputPtr + i);
    if (keep(c)) store<u8>(outputPtr + o++, c);
  }
  store<u32>(outputLenPtr, <u32>o);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16 | 1 << 8; }
