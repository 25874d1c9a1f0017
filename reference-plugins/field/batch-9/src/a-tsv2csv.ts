//asc: --runtime stub
// tsv2csv: tab-separated values to RFC 4180 comma-separated values. Each TAB becomes a comma;
// a field that contains a comma, a double quote or a CR is quoted, its quotes doubled:
// "a\tb,c\t say \"hi\"\n" -> "a,\"b,c\",\" say \"\"hi\"\"\"\n". Line ends (LF or CRLF) are kept
// as they are. Every input is accepted; the empty input gives the empty output. The output is
// at most 2 * input + 2 per field.
// Two passes (size, then write) over the host's buffers; nothing is allocated in process.
// The host's buffers come from alloc/dealloc over a bump arena in a 1 MiB static region (the
// host sends at most 1 MiB, maxInputBytes), reset once every block is freed, so the host does
// not grow memory on every call. Built with the stub runtime: nothing else uses the heap.
const INFO = memory.data<u8>([0x74, 0x73, 0x76, 0x32, 0x63, 0x73, 0x76, 0x20, 0x76, 0x31, 0x2e, 0x32, 0x2e, 0x30, 0x00]); // "tsv2csv v1.2.0"

const ARENA_SIZE: usize = 1 << 20;
const ARENA = memory.data(<i32>ARENA_SIZE, 16);
let top: usize = 0; // offset of the next free byte in ARENA
let live: i32 = 0; // blocks handed out and not yet freed

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

function needsQuotes(s: usize, e: usize): bool {
  for (let p = s; p < e; p++) {
    const c = load<u8>(p);
    if (c == 0x2c || c == 0x22 || c == 0x0d) return true;
  }
  return false;
}

// Walks the fields; writes at out when write is set. Returns the output size.
function walk(inputPtr: usize, inputLen: usize, out: usize, write: bool): usize {
  const end = inputPtr + inputLen;
  let o: usize = 0;
  let s = inputPtr;
  while (s < end) {
    // a field runs to the next TAB or LF (a CR before the LF belongs to the line end)
    let e = s;
    while (e < end && load<u8>(e) != 0x09 && load<u8>(e) != 0x0a) e++;
    let fe = e;
    if (e < end && load<u8>(e) == 0x0a && fe > s && load<u8>(fe - 1) == 0x0d) fe--;
    if (needsQuotes(s, fe)) {
      if (write) store<u8>(out + o, 0x22);
      o++;
      for (let p = s; p < fe; p++) {
        const c = load<u8>(p);
        if (write) store<u8>(out + o, c);
        o++;
        if (c == 0x22) {
          if (write) store<u8>(out + o, 0x22);
          o++;
        }
      }
      if (write) store<u8>(out + o, 0x22);
      o++;
    } else {
      if (write) memory.copy(out + o, s, fe - s);
      o += fe - s;
    }
    // the separator or line end after the field
    if (e < end) {
      if (load<u8>(e) == 0x09) {
        if (write) store<u8>(out + o, 0x2c);
        o++;
      } else {
        if (fe < e) {
          if (write) store<u8>(out + o, 0x0d);
          o++;
        }
        if (write) store<u8>(out + o, 0x0a);
        o++;
      }
    }
    s = e + 1;
  }
  return o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const need = walk(inputPtr, inputLen, 0, false);
  if (need > <usize>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  walk(inputPtr, inputLen, outputPtr, true);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function alloc(size: usize): usize {
  const s = (size + 7) & ~(<usize>7);
  if (size > ARENA_SIZE || s > ARENA_SIZE - top) return 0; // the arena is full
  const p = ARENA + top;
  top += s;
  live++;
  return p;
}

export function dealloc(ptr: usize, size: usize): void {
  if (ptr < ARENA || ptr > ARENA + ARENA_SIZE || live == 0) return;
  live--;
  if (live == 0) top = 0; // everything is back: start again at the bottom
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return (1 << 16) | (2 << 8); }
