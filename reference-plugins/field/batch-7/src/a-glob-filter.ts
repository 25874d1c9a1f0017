// glob-filter: grep with a shell glob. The first line of the input is the pattern; every
// later line that the pattern matches as a whole is written with a LF, the others are
// dropped: "*.log\napp.log\nnotes.txt\nerr.log" -> "app.log\nerr.log\n". In the pattern '*'
// matches any run of bytes (also none), '?' exactly one byte, and every other byte itself;
// matching is byte by byte, so any bytes are accepted. Lines end at LF; a final LF does not
// start another line. Input with only a pattern line, and the empty input, give empty output.
// The matcher is the textbook recursive one. Output is written while it fits and counted on,
// so -3 names the exact size. process allocates nothing: no runtime heap, no allocator
// exports (the host grows its own pages).
const INFO = memory.data<u8>([
  0x67, 0x6c, 0x6f, 0x62, 0x2d, 0x66, 0x69, 0x6c, 0x74, 0x65, 0x72, 0x20, 0x76, 0x30, 0x2e, 0x39, 0x2e,
  0x30, 0x00,
]); // "glob-filter v0.9.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Does pattern p[pi, pe) match the whole of s[si, se)?
function globMatch(p: usize, pi: usize, pe: usize, s: usize, si: usize, se: usize): bool {
  while (pi < pe) {
    const c = load<u8>(p + pi);
    if (c == 0x2a) {
      // '*': try every split of the rest of the line
      for (let k = si; k <= se; k++) {
        if (globMatch(p, pi + 1, pe, s, k, se)) return true;
      }
      return false;
    }
    if (si >= se) return false;
    if (c != 0x3f && c != load<u8>(s + si)) return false;
    pi++;
    si++;
  }
  return si == se;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;
  // the pattern line
  let q = inputPtr;
  while (q < end && load<u8>(q) != 0x0a) q++;
  const pe = q - inputPtr;
  let total: usize = 0;
  let s = q + 1;
  while (s < end) {
    let e = s;
    while (e < end && load<u8>(e) != 0x0a) e++;
    const len = e - s;
    if (globMatch(inputPtr, 0, pe, s, 0, len)) {
      if (total + len + 1 <= cap) {
        memory.copy(outputPtr + total, s, len);
        store<u8>(outputPtr + total + len, 0x0a);
      }
      total += len + 1;
    }
    s = e + 1;
  }
  store<u32>(outputLenPtr, <u32>total);
  return total > cap ? -3 : 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 0x000900; }
