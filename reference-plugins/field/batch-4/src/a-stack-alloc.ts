//asc: --runtime stub
// camel-to-snake: turns camelCase and PascalCase identifiers into snake_case: "parseHTTPHeader"
// -> "parse_http_header", "userId2Name" -> "user_id2_name". Every byte that is not an ASCII
// letter is copied as it is. The host's buffers come from a small stack allocator exported as
// alloc/dealloc (8-byte aligned blocks bumped from __heap_base; a freed block at the top is
// given back).
const INFO = memory.data<u8>([0x63, 0x61, 0x6d, 0x65, 0x6c, 0x2d, 0x74, 0x6f, 0x2d, 0x73, 0x6e, 0x61, 0x6b, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x30, 0x2e, 0x33, 0x00]); // "camel-to-snake v1.0.3"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

let top: usize = 0;

@inline function round8(n: usize): usize { return (n + 7) & ~<usize>7; }

export function alloc(size: usize): usize {
  if (top == 0) top = round8(__heap_base);
  if (size > 0x40000000) return 0;
  if (size == 0) size = 8;
  const p = top;
  const end = p + round8(size);
  const have = <usize>memory.size() << 16;
  if (end > have) {
    if (memory.grow(<i32>((end - have + 0xFFFF) >> 16)) < 0) return 0;
  }
  top = end;
  return p;
}

export function dealloc(ptr: usize, size: usize): void {
  if (size == 0) size = 8;
  if (ptr + round8(size) == top) top = ptr;
}

@inline function isUpper(c: u32): bool { return c >= 65 && c <= 90; }
@inline function isLower(c: u32): bool { return c >= 97 && c <= 122; }
@inline function isDigit(c: u32): bool { return c >= 48 && c <= 57; }

// does an underscore go before byte i?
function breakBefore(p: usize, n: usize, i: usize): bool {
  if (i == 0) return false;
  const c = <u32>load<u8>(p + i);
  if (!isUpper(c)) return false;
  const prev = <u32>load<u8>(p + i - 1);
  if (isLower(prev) || isDigit(prev)) return true;
  return isUpper(prev) && i + 1 < n && isLower(<u32>load<u8>(p + i + 1));
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  let needed = inputLen;
  for (let i: usize = 0; i < inputLen; i++) if (breakBefore(inputPtr, inputLen, i)) needed++;
  if (needed > <usize>load<u32>(outputLenPtr)) { store<u32>(outputLenPtr, <u32>needed); return -3; }
  let o: usize = 0;
  for (let i: usize = 0; i < inputLen; i++) {
    const c = <u32>load<u8>(inputPtr + i);
    if (breakBefore(inputPtr, inputLen, i)) { store<u8>(outputPtr + o, 0x5F); o++; }
    store<u8>(outputPtr + o, <u8>(isUpper(c) ? c + 32 : c));
    o++;
  }
  store<u32>(outputLenPtr, <u32>o);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x010003; }
