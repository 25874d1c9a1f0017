// csv-trim: trims the spaces and tabs around every field of CSV text (RFC 4180 records):
// " a , b ,c \n" -> "a,b,c\n". A quoted field is kept verbatim, quotes, doubled quotes and
// line breaks inside it included; only the blanks around its quotes are dropped:
// ' "x, y" , z' -> '"x, y",z'. Line breaks (LF or CRLF) are kept as they are. An unterminated
// quoted field, or anything but blanks between a closing quote and the next comma or line
// break, is -1 (InvalidInput). The output is never longer than the input. No heap in
// process: a validating/sizing pass, then a writing pass straight into the host's buffer.
// Exports alloc/dealloc (heap.alloc / heap.free) so the host can place its buffers in the
// module's heap.
const INFO = memory.data<u8>([0x63, 0x73, 0x76, 0x2d, 0x74, 0x72, 0x69, 0x6d, 0x20, 0x76, 0x31, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "csv-trim v1.1.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

@inline function isBlank(c: u8): bool { return c == 0x20 || c == 0x09; }

// Walks the records; writes at out when write is set. Returns the output size, or -1.
function walk(inp: usize, n: usize, out: usize, write: bool): i64 {
  let i: usize = 0;
  let o: usize = 0;
  if (n == 0) return 0;
  while (true) {
    // one field
    while (i < n && isBlank(load<u8>(inp + i))) i++;
    if (i < n && load<u8>(inp + i) == 0x22) {
      if (write) store<u8>(out + o, 0x22);
      o++; i++;
      let closed = false;
      while (i < n) {
        const c = load<u8>(inp + i);
        if (c == 0x22) {
          if (i + 1 < n && load<u8>(inp + i + 1) == 0x22) {
            if (write) { store<u8>(out + o, 0x22); store<u8>(out + o + 1, 0x22); }
            o += 2; i += 2;
            continue;
          }
          if (write) store<u8>(out + o, 0x22);
          o++; i++;
          closed = true;
          break;
        }
        if (write) store<u8>(out + o, c);
        o++; i++;
      }
      if (!closed) return -1;
      while (i < n && isBlank(load<u8>(inp + i))) i++;
      if (i < n) {
        const c = load<u8>(inp + i);
        const crlf = c == 0x0d && i + 1 < n && load<u8>(inp + i + 1) == 0x0a;
        if (c != 0x2c && c != 0x0a && !crlf) return -1;
      }
    } else {
      const s = i;
      let e = i;
      while (e < n && load<u8>(inp + e) != 0x2c && load<u8>(inp + e) != 0x0a) e++;
      // a CR right before the LF belongs to the line break
      let end = e;
      if (e < n && load<u8>(inp + e) == 0x0a && end > s && load<u8>(inp + end - 1) == 0x0d) end--;
      const brk = end;
      while (end > s && isBlank(load<u8>(inp + end - 1))) end--;
      if (write) memory.copy(out + o, inp + s, end - s);
      o += end - s;
      i = brk;
    }
    // what ends the field
    if (i >= n) break;
    const d = load<u8>(inp + i);
    if (d == 0x2c) {
      if (write) store<u8>(out + o, 0x2c);
      o++; i++;
      continue;
    }
    if (d == 0x0d) {
      if (write) { store<u8>(out + o, 0x0d); store<u8>(out + o + 1, 0x0a); }
      o += 2; i += 2;
    } else {
      if (write) store<u8>(out + o, 0x0a);
      o++; i++;
    }
    if (i >= n) break;
  }
  return <i64>o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const need = walk(inputPtr, inputLen, 0, false);
  if (need < 0) return -1;
  if (need > <i64>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  walk(inputPtr, inputLen, outputPtr, true);
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
  if (ptr == 0 || size == 0) return; // nothing to free
  heap.free(ptr);
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return (1 << 16) | (1 << 8); }
