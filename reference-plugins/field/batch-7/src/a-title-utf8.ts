// title-utf8: title-cases UTF-8 text: the first character of every word is upper-cased and
// the rest lower-cased, with full Unicode case mapping ("élan VITAL ßtraße" -> "Élan Vital
// SStraße"); words are separated by ASCII spaces, tabs, CR and LF, which are kept as they
// are. The input must be UTF-8: anything else is -1 (InvalidInput). Empty input gives empty
// output; -3 names the exact UTF-8 size of the result.
// The text is decoded into an AssemblyScript string, mapped with toUpperCase/toLowerCase and
// encoded back into the host's buffer. alloc/dealloc hand out blocks of the runtime's heap,
// since process allocates.
const INFO = memory.data<u8>([
  0x74, 0x69, 0x74, 0x6c, 0x65, 0x2d, 0x75, 0x74, 0x66, 0x38, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x30, 0x00,
]); // "title-utf8 v1.0.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

@inline function isSep(c: i32): bool { return c == 0x20 || c == 0x09 || c == 0x0a || c == 0x0d; }

function titleCase(s: string): string {
  const parts = new Array<string>();
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isSep(c)) {
      let j = i + 1;
      while (j < n && isSep(s.charCodeAt(j))) j++;
      parts.push(s.substring(i, j));
      i = j;
      continue;
    }
    let j = i + 1;
    while (j < n && !isSep(s.charCodeAt(j))) j++;
    // the first character is one code unit, or two for a surrogate pair
    let first = 1;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < j) {
      const c2 = s.charCodeAt(i + 1);
      if (c2 >= 0xdc00 && c2 < 0xe000) first = 2;
    }
    parts.push(s.substring(i, i + first).toUpperCase());
    parts.push(s.substring(i + first, j).toLowerCase());
    i = j;
  }
  return parts.join('');
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const text = String.UTF8.decodeUnsafe(inputPtr, inputLen);
  // AssemblyScript's decoder does not reject malformed bytes (it skips or misreads them), so
  // the input was UTF-8 only if the decoded text encodes back to as many bytes.
  if (<usize>String.UTF8.byteLength(text) != inputLen) return -1;
  const result = titleCase(text);
  const need = <u32>String.UTF8.byteLength(result);
  if (need > load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, need);
    return -3;
  }
  String.UTF8.encodeUnsafe(changetype<usize>(result), result.length, outputPtr);
  store<u32>(outputLenPtr, need);
  return 0;
}

export function alloc(size: usize): usize {
  if (size > 0x4000000) return 0; // 64 MiB: more than any buffer the host asks for
  return heap.alloc(size);
}
export function dealloc(ptr: usize, _size: usize): void { if (ptr) heap.free(ptr); }

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010000; }
