// epoch-iso: Unix timestamps (whole seconds since 1970-01-01T00:00:00Z, one per line) to
// ISO 8601 UTC, one "YYYY-MM-DDTHH:MM:SSZ\n" per timestamp:
// "0\n1700000000" -> "1970-01-01T00:00:00Z\n2023-11-14T22:13:20Z\n". A line is 1 to 12
// digits with a value up to 253402300799 (9999-12-31T23:59:59Z); a CR before the LF is
// allowed and blank lines are skipped; anything else (a sign, a fraction, a larger value) is
// -1 (InvalidInput). Empty input gives empty output. A first pass validates and sizes (21
// bytes per timestamp), a second writes. No heap and no allocator exports: process only uses
// load/store, the host grows its own pages.
// Versioned by release date (CalVer, YYYY.MM.DD); plugin_version packs the same three numbers.
const INFO = memory.data<u8>([
  0x65, 0x70, 0x6f, 0x63, 0x68, 0x2d, 0x69, 0x73, 0x6f, 0x20, 0x76, 0x32, 0x30, 0x32, 0x34, 0x2e, 0x30,
  0x31, 0x2e, 0x31, 0x35, 0x00,
]); // "epoch-iso v2024.01.15"

const MAX_SECONDS: i64 = 253402300799;

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Parses the line [s, e) as a timestamp; -1 when it is not one.
function parseLine(s: usize, e: usize): i64 {
  if (e - s > 12) return -1;
  let v: i64 = 0;
  for (let p = s; p < e; p++) {
    const d = <u32>load<u8>(p) - 0x30;
    if (d > 9) return -1;
    v = v * 10 + <i64>d;
  }
  return v > MAX_SECONDS ? -1 : v;
}

@inline function put2(p: usize, v: i32): void {
  store<u8>(p, 0x30 + v / 10);
  store<u8>(p + 1, 0x30 + v % 10);
}

// Writes the 21-byte form of t at p.
function writeIso(p: usize, t: i64): void {
  const days = t / 86400;
  const secs = <i32>(t % 86400);
  // civil_from_days (H. Hinnant), for days >= 0
  const z = days + 719468;
  const era = z / 146097;
  const doe = <i32>(z - era * 146097);
  const yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const mp = (5 * doy + 2) / 153;
  const d = doy - (153 * mp + 2) / 5 + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = <i32>(<i64>yoe + era * 400) + (m <= 2 ? 1 : 0);
  put2(p, y / 100);
  put2(p + 2, y % 100);
  store<u8>(p + 4, 0x2d);
  put2(p + 5, m);
  store<u8>(p + 7, 0x2d);
  put2(p + 8, d);
  store<u8>(p + 10, 0x54);
  put2(p + 11, secs / 3600);
  store<u8>(p + 13, 0x3a);
  put2(p + 14, (secs / 60) % 60);
  store<u8>(p + 16, 0x3a);
  put2(p + 17, secs % 60);
  store<u8>(p + 19, 0x5a);
  store<u8>(p + 20, 0x0a);
}

// Walks the lines; writes at out when write is set. Returns the output size, or -1.
function walk(inputPtr: usize, inputLen: usize, out: usize, write: bool): i64 {
  const end = inputPtr + inputLen;
  let s = inputPtr;
  let o: i64 = 0;
  while (s < end) {
    let e = s;
    while (e < end && load<u8>(e) != 0x0a) e++;
    const next = e + 1;
    if (e > s && load<u8>(e - 1) == 0x0d) e--;
    if (e > s) {
      const t = parseLine(s, e);
      if (t < 0) return -1;
      if (write) writeIso(out + <usize>o, t);
      o += 21;
    }
    s = next;
  }
  return o;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  const need = walk(inputPtr, inputLen, 0, false);
  if (need < 0) return -1;
  if (need > 0xffffffff) return -2; // a size the length cell cannot hold
  if (need > <i64>load<u32>(outputLenPtr)) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }
  walk(inputPtr, inputLen, outputPtr, true);
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return (2024 << 16) | (1 << 8) | 15; }
