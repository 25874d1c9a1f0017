// qp-decode: decodes quoted-printable text (RFC 2045): "=XX" (two hex digits, either case)
// becomes the byte 0xXX, "=" at the end of a line (before CRLF or LF) is a soft line break
// and is removed with the break, every other byte is copied as is (hard line breaks are
// kept): "caf=C3=A9 =\r\nau lait" -> "café au lait". An "=" followed by anything else, or
// ending the input, is -1 (InvalidInput). The output is never longer than the input.
// The input is decoded into a scratch block from the runtime heap, which is copied out when
// it fits and freed. Exports alloc/dealloc (heap.alloc / heap.free) for the host's buffers,
// since the plugin uses the heap.
const INFO = memory.data<u8>([0x71, 0x70, 0x2d, 0x64, 0x65, 0x63, 0x6f, 0x64, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "qp-decode v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// The value of one hex digit, or -1.
function hexVal(c: u32): i32 {
  if (c >= 0x30 && c <= 0x39) return <i32>(c - 0x30);
  c |= 0x20;
  if (c >= 0x61 && c <= 0x66) return <i32>(c - 0x61 + 10);
  return -1;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (inputLen == 0) {
    store<u32>(outputLenPtr, 0);
    return 0;
  }
  const tmp = heap.alloc(inputLen);
  let o: usize = 0;
  let i: usize = 0;
  while (i < inputLen) {
    const c = <u32>load<u8>(inputPtr + i);
    if (c != 0x3d) {
      store<u8>(tmp + o++, <u8>c);
      i++;
      continue;
    }
    // "=": a soft line break or an escape
    if (i + 1 < inputLen && load<u8>(inputPtr + i + 1) == 0x0a) { i += 2; continue; }
    if (i + 2 < inputLen && load<u8>(inputPtr + i + 1) == 0x0d && load<u8>(inputPtr + i + 2) == 0x0a) { i += 3; continue; }
    if (i + 2 >= inputLen) return -1;
    const hi = hexVal(<u32>load<u8>(inputPtr + i + 1));
    const lo = hexVal(<u32>load<u8>(inputPtr + i + 2));
    if (hi < 0 || lo < 0) return -1;
    store<u8>(tmp + o++, <u8>((hi << 4) | lo));
    i += 3;
  }
  if (o > <usize>load<u32>(outputLenPtr)) {
    heap.free(tmp);
    store<u32>(outputLenPtr, <u32>o);
    return -3;
  }
  memory.copy(outputPtr, tmp, o);
  heap.free(tmp);
  store<u32>(outputLenPtr, <u32>o);
  return 0;
}

// The runtime heap aborts above its largest block (just under 1 GiB): refuse those with 0.
const MAX_BLOCK: usize = (1 << 30) - 64;

export function alloc(size: usize): usize {
  if (size > MAX_BLOCK) return 0;
  return heap.alloc(size);
}
export function dealloc(ptr: usize, size: usize): void { if (ptr != 0) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 1 << 16; }
