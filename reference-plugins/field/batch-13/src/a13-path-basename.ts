//asc: --runtime stub
// path-basename: replaces every line (a file path) with its last component, like basename(1):
// "/usr/lib/libz.so\nsrc/main.rs\n" -> "libz.so\nmain.rs\n". Trailing slashes are dropped first
// ("a/b/" -> "b"); a path of slashes only becomes "/"; a line without a slash is kept; an empty
// line stays empty. A LF is written after a line that had one. Every input is accepted; the
// output is never longer than the input. -3 with the exact needed size.
// Exports plugin_version next to plugin_info (1.3.2). No heap, no imports.
const INFO = memory.data<u8>([0x70, 0x61, 0x74, 0x68, 0x2d, 0x62, 0x61, 0x73, 0x65, 0x6e, 0x61, 0x6d, 0x65, 0x20, 0x76, 0x31, 0x2e, 0x33, 0x2e, 0x32, 0x00]); // "path-basename v1.3.2"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

const MAJOR: u8 = 1;
const MINOR: u8 = 3;
const PATCH: u8 = 2;

export function plugin_info(): usize { return INFO; }

export function plugin_version(): u32 {
  return <u32>(MAJOR << 16 | MINOR << 8 | PATCH);
}

const LF: u8 = 0x0a;
const SLASH: u8 = 0x2f;

// Writes (when out != 0) the basename of [p, e) at out; returns its length.
function basename(p: usize, e: usize, out: usize): usize {
  if (p == e) return 0;
  let end = e;
  while (end > p && load<u8>(end - 1) == SLASH) end--;
  if (end == p) { // slashes only
    if (out) store<u8>(out, SLASH);
    return 1;
  }
  let start = end;
  while (start > p && load<u8>(start - 1) != SLASH) start--;
  if (out) memory.copy(out, start, end - start);
  return end - start;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;
  let need: usize = 0;
  let p = inputPtr;
  while (p < end) {
    let e = p;
    while (e < end && load<u8>(e) != LF) e++;
    need += basename(p, e, 0);
    if (e < end) need++;
    p = e + 1;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  let o = outputPtr;
  p = inputPtr;
  while (p < end) {
    let e = p;
    while (e < end && load<u8>(e) != LF) e++;
    o += basename(p, e, o);
    if (e < end) store<u8>(o++, LF);
    p = e + 1;
  }
  store<u32>(outputLenPtr, <u32>(o - outputPtr));
  return 0;
}
