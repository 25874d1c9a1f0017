// upper-utf8: upper-cases UTF-8 text with the full Unicode case mapping of AssemblyScript's
// String.toUpperCase ("straße" -> "STRASSE", "ŉ" -> "ʼN"). Any bytes are accepted; bytes that
// are not UTF-8 are left to AssemblyScript's lenient decoder. The output size is only known after conversion, so a call that does not fit returns
// -3 with the size, and the host retries. The host's buffers come from the heap through
// alloc/dealloc.
const INFO = memory.data<u8>([0x75, 0x70, 0x70, 0x65, 0x72, 0x2d, 0x75, 0x74, 0x66, 0x38, 0x20, 0x76, 0x32, 0x2e, 0x30, 0x2e, 0x30, 0x00]); // "upper-utf8 v2.0.0"
function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const text = String.UTF8.decodeUnsafe(inputPtr, inputLen, true);
  const upper = String.UTF8.encode(text.toUpperCase());
  const len = <usize>upper.byteLength;
  if (len > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>len);
    return -3;
  }
  memory.copy(outputPtr, changetype<usize>(upper), len);
  store<u32>(outputLenPtr, <u32>len);
  return 0;
}
export function alloc(size: usize): usize { return heap.alloc(size); }
export function dealloc(ptr: usize, _size: usize): void { if (ptr != 0) heap.free(ptr); }
export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x020000; }
