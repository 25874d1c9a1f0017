// sentence-case: capitalises the first letter of every sentence in UTF-8 text: the first
// letter of the text and the first letter after '.', '!' or '?' followed by whitespace
// ("hello. é bien! ok?" -> "Hello. É bien! Ok?"). Letters are upper-cased with
// String#toUpperCase (full Unicode case mapping, so "ß" at a sentence start becomes "SS"), all
// other characters are copied. Input that is not UTF-8 is -1 (InvalidInput); the empty input
// gives the empty output.
// The text is decoded into an AssemblyScript string, rebuilt, and encoded back to UTF-8 once;
// the capacity is checked against the encoded size before anything is written. Exports
// alloc/dealloc (heap.alloc / heap.free) so the host's buffers live in the runtime's heap
// instead of in memory the heap would later claim.
const INFO = memory.data<u8>([0x73, 0x65, 0x6e, 0x74, 0x65, 0x6e, 0x63, 0x65, 0x2d, 0x63, 0x61, 0x73, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "sentence-case v1.1.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Strict UTF-8 check (no overlongs, no surrogates, nothing above U+10FFFF).
function isUtf8(p: usize, n: usize): bool {
  const end = p + n;
  while (p < end) {
    const b0 = <u32>load<u8>(p);
    if (b0 < 0x80) { p++; continue; }
    let len: usize, lo: u32 = 0x80, hi: u32 = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) len = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      len = 3;
      if (b0 == 0xe0) lo = 0xa0;
      if (b0 == 0xed) hi = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      len = 4;
      if (b0 == 0xf0) lo = 0x90;
      if (b0 == 0xf4) hi = 0x8f;
    } else return false;
    if (end - p < len) return false;
    const b1 = <u32>load<u8>(p + 1);
    if (b1 < lo || b1 > hi) return false;
    for (let k: usize = 2; k < len; k++) {
      if ((<u32>load<u8>(p + k) & 0xc0) != 0x80) return false;
    }
    p += len;
  }
  return true;
}

function isSpace(c: i32): bool {
  return c == 0x20 || (c >= 0x09 && c <= 0x0d) || c == 0xa0 || c == 0x2028 || c == 0x2029 || c == 0x3000;
}

function isLetter(s: string): bool {
  return s.toUpperCase() != s || s.toLowerCase() != s;
}

function sentenceCase(text: string): string {
  let out = "";
  let start = true; // the next letter starts a sentence
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i);
    const ch = String.fromCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
    if (start && isLetter(ch)) {
      out += ch.toUpperCase();
      start = false;
      continue;
    }
    out += ch;
    if (cp == 0x2e || cp == 0x21 || cp == 0x3f) {
      // a sentence ends at . ! ? followed by whitespace (or at the end of the text)
      if (i >= text.length || isSpace(text.charCodeAt(i))) start = true;
    }
  }
  return out;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  if (!isUtf8(inputPtr, inputLen)) return -1;
  if (inputLen == 0) {
    store<u32>(outputLenPtr, 0);
    return 0;
  }
  const text = String.UTF8.decodeUnsafe(inputPtr, inputLen);
  const bytes = String.UTF8.encode(sentenceCase(text), true);
  const need = <usize>bytes.byteLength;
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  memory.copy(outputPtr, changetype<usize>(bytes), need);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

// The runtime heap aborts above its largest block (just under 1 GiB): refuse those with 0.
const MAX_BLOCK: usize = (1 << 30) - 64;

export function alloc(size: usize): usize {
  if (size > MAX_BLOCK) return 0;
  return heap.alloc(size);
}

export function dealloc(ptr: usize, size: usize): void {
  if (ptr != 0) heap.free(ptr);
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return (1 << 16) | (1 << 8); }
