//asc: --runtime stub
// date-iso: normalises dates to ISO 8601, one per line: "2024-3-7", "2024/03/07" and the
// European "7.3.2024" all become "2024-03-07\n" (day and month of 1 or 2 digits, a 4-digit
// year 0001-9999). A CR before the LF is ignored and empty lines are skipped, so the empty
// input gives the empty output. A line in another form, a month outside 1-12 or a day the
// month does not have (leap years as in the Gregorian calendar) is -1 (InvalidInput).
// On -1 the output buffer holds a one-line reason, e.g. "line 2: bad month", with its length
// in *output_len, for hosts that show it to the user. No heap, no allocator exports, no imports.
const INFO = memory.data<u8>([0x64, 0x61, 0x74, 0x65, 0x2d, 0x69, 0x73, 0x6f, 0x20, 0x76, 0x32, 0x2e, 0x31, 0x2e, 0x30, 0x00]); // "date-iso v2.1.0"

function abortHandler(_m: string | null, _f: string | null, _l: u32, _c: u32): void { unreachable(); }

// Reasons (NUL-terminated).
const R_FORM = memory.data<u8>([0x6e, 0x6f, 0x74, 0x20, 0x61, 0x20, 0x64, 0x61, 0x74, 0x65, 0x00]); // "not a date"
const R_MONTH = memory.data<u8>([0x62, 0x61, 0x64, 0x20, 0x6d, 0x6f, 0x6e, 0x74, 0x68, 0x00]); // "bad month"
const R_DAY = memory.data<u8>([0x62, 0x61, 0x64, 0x20, 0x64, 0x61, 0x79, 0x00]); // "bad day"
const R_YEAR = memory.data<u8>([0x62, 0x61, 0x64, 0x20, 0x79, 0x65, 0x61, 0x72, 0x00]); // "bad year"

// Result of parseLine: the date, or the reason it is not one (0 when it is).
let year: u32 = 0, month: u32 = 0, day: u32 = 0;
let reason: usize = 0;

// Reads 1 to `max` digits at p (before end) into num; returns the end, or 0 when none.
let num: u32 = 0;
function digits(p: usize, end: usize, min: i32, max: i32): usize {
  let v: u32 = 0;
  let n = 0;
  while (p < end && n < max) {
    const c = <u32>load<u8>(p);
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + (c - 0x30);
    p++;
    n++;
  }
  if (n < min) return 0;
  num = v;
  return p;
}

function daysIn(y: u32, m: u32): u32 {
  if (m == 2) return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
  if (m == 4 || m == 6 || m == 9 || m == 11) return 30;
  return 31;
}

function parseLine(s: usize, e: usize): bool {
  reason = R_FORM;
  let p = digits(s, e, 1, 4);
  if (p == 0 || p >= e) return false;
  const sep = load<u8>(p);
  if (p - s == 4 && (sep == 0x2d || sep == 0x2f)) {
    // YYYY-M-D or YYYY/M/D
    year = num;
    p = digits(p + 1, e, 1, 2);
    if (p == 0 || p >= e || load<u8>(p) != sep) return false;
    month = num;
    p = digits(p + 1, e, 1, 2);
    if (p != e) return false;
    day = num;
  } else if (p - s <= 2 && sep == 0x2e) {
    // D.M.YYYY
    day = num;
    p = digits(p + 1, e, 1, 2);
    if (p == 0 || p >= e || load<u8>(p) != 0x2e) return false;
    month = num;
    p = digits(p + 1, e, 4, 4);
    if (p != e) return false;
    year = num;
  } else {
    return false;
  }
  if (year == 0) { reason = R_YEAR; return false; }
  if (month < 1 || month > 12) { reason = R_MONTH; return false; }
  if (day < 1 || day > daysIn(year, month)) { reason = R_DAY; return false; }
  reason = 0;
  return true;
}

// Writes "line <n>: <reason>" at out; returns its length.
function writeReason(out: usize, lineNo: u32, why: usize): usize {
  let o = out;
  store<u8>(o++, 0x6c); store<u8>(o++, 0x69); store<u8>(o++, 0x6e); store<u8>(o++, 0x65); store<u8>(o++, 0x20);
  let d: u32 = 1;
  while (lineNo / d >= 10) d *= 10;
  for (; d > 0; d /= 10) store<u8>(o++, <u8>(0x30 + (lineNo / d) % 10));
  store<u8>(o++, 0x3a); store<u8>(o++, 0x20);
  for (let r = why; load<u8>(r) != 0; r++) store<u8>(o++, load<u8>(r));
  return o - out;
}

function put2(o: usize, v: u32): void {
  store<u8>(o, <u8>(0x30 + v / 10));
  store<u8>(o + 1, <u8>(0x30 + v % 10));
}

// The line starting at s: sets lineEnd (LF or end) and contentEnd (before a CR).
let lineEnd: usize = 0, contentEnd: usize = 0;
function scanLine(s: usize, end: usize): void {
  let e = s;
  while (e < end && load<u8>(e) != 0x0a) e++;
  lineEnd = e;
  contentEnd = (e > s && load<u8>(e - 1) == 0x0d) ? e - 1 : e;
}

export function process(inputPtr: usize, inputLen: usize, outputPtr: usize, outputLenPtr: usize): i32 {
  if (outputLenPtr == 0) return -1;
  const cap = <usize>load<u32>(outputLenPtr);
  const end = inputPtr + inputLen;

  // Validate and size: 11 bytes per date.
  let need: usize = 0;
  let lineNo: u32 = 0;
  for (let s = inputPtr; s < end; s = lineEnd + 1) {
    scanLine(s, end);
    lineNo++;
    if (contentEnd == s) continue;
    if (!parseLine(s, contentEnd)) {
      store<u32>(outputLenPtr, <u32>writeReason(outputPtr, lineNo, reason));
      return -1;
    }
    need += 11;
  }
  if (need > cap) {
    store<u32>(outputLenPtr, <u32>need);
    return -3;
  }

  let o = outputPtr;
  for (let s = inputPtr; s < end; s = lineEnd + 1) {
    scanLine(s, end);
    if (contentEnd == s) continue;
    parseLine(s, contentEnd);
    put2(o, year / 100); put2(o + 2, year % 100);
    store<u8>(o + 4, 0x2d);
    put2(o + 5, month);
    store<u8>(o + 7, 0x2d);
    put2(o + 8, day);
    store<u8>(o + 10, 0x0a);
    o += 11;
  }
  store<u32>(outputLenPtr, <u32>need);
  return 0;
}

export function plugin_info(): usize { return INFO; }
export function plugin_version(): u32 { return 2 << 16 | 1 << 8; }
