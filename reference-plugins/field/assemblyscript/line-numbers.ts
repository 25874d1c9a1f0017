/* eslint-disable -- AssemblyScript, compiled by asc: the repository's TypeScript lint rules do not apply. */
// line-numbers: prefixes every line with its 1-based number and a tab, like `cat -n`
// without the padding: "a\nb" -> "1\ta\n2\tb". Any bytes are accepted; lines end at '\n'.
//
// Built with the stub runtime (no garbage collector, smallest module) and a custom abort,
// so the module imports nothing. alloc/dealloc hand the host blocks from the same heap.

// "line-numbers v0.3.0" + NUL, as UTF-8 bytes.
const INFO = memory.data<u8>([
  0x6c, 0x69, 0x6e, 0x65, 0x2d, 0x6e, 0x75, 0x6d, 0x62, 0x65, 0x72, 0x73, 0x20, 0x76, 0x30, 0x2e,
  0x33, 0x2e, 0x30, 0x00,
]);

// Called instead of env.abort (asc --use abort=line-numbers/abortHandler).
function abortHandler(
  _message: string | null,
  _fileName: string | null,
  _line: u32,
  _column: u32,
): void {
  unreachable();
}

function pushNumber(out: Array<u8>, n: u32): void {
  const digits = new Array<u8>();
  do {
    digits.push(<u8>(48 + (n % 10)));
    n /= 10;
  } while (n > 0);
  for (let i = digits.length - 1; i >= 0; i--) out.push(digits[i]);
}

export function process(
  inputPtr: usize,
  inputLen: usize,
  outputPtr: usize,
  outputLenPtr: usize,
): i32 {
  if (outputLenPtr == 0) return -1;
  // Build the whole output first; nothing is written unless it fits.
  const out = new Array<u8>();
  let line: u32 = 1;
  let atLineStart = true;
  for (let i: usize = 0; i < inputLen; i++) {
    if (atLineStart) {
      pushNumber(out, line++);
      out.push(9);
      atLineStart = false;
    }
    const c = load<u8>(inputPtr + i);
    out.push(c);
    if (c == 10) atLineStart = true;
  }
  const needed = <usize>out.length;
  const capacity = load<u32>(outputLenPtr) as usize;
  if (needed > capacity) {
    store<u32>(outputLenPtr, needed as u32);
    return -3;
  }
  for (let i: usize = 0; i < needed; i++) store<u8>(outputPtr + i, unchecked(out[<i32>i]));
  store<u32>(outputLenPtr, needed as u32);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}

export function dealloc(ptr: usize, size: usize): void {
  if (ptr != 0) heap.free(ptr);
}

export function plugin_info(): usize {
  return INFO;
}
