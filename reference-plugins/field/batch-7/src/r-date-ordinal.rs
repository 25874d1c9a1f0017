//! date-ordinal: converts calendar dates, one per line ("YYYY-MM-DD", Gregorian, years
//! 0001-9999), to ISO 8601 ordinal dates ("YYYY-DDD"): "2023-03-01" -> "2023-060". Each
//! output line ends in '\n'. Blank lines (and a CR before the LF) are skipped; anything else
//! (wrong shape, month 0 or 13, a day past the end of its month) is -1.
//! No heap: a validating pass gives the size (9 bytes per date), then the lines are written
//! straight into the host's buffer.
use std::ptr;

static INFO: &[u8] = b"date-ordinal v1.0.2\0";

const DAYS_BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const MONTH_DAYS: [u16; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

fn is_leap(y: u16) -> bool {
    y % 4 == 0 && y % 100 != 0
}

fn digits(b: &[u8]) -> Option<u16> {
    let mut v = 0u16;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u16;
    }
    Some(v)
}

/// (year, day of year) of a "YYYY-MM-DD" line.
fn parse(line: &[u8]) -> Option<(u16, u16)> {
    if line.len() != 10 || line[4] != b'-' || line[7] != b'-' {
        return None;
    }
    let y = digits(&line[0..4])?;
    let m = digits(&line[5..7])?;
    let d = digits(&line[8..10])?;
    if y == 0 || m == 0 || m > 12 || d == 0 {
        return None;
    }
    let feb29 = if is_leap(y) { 1 } else { 0 };
    let mi = (m - 1) as usize;
    let len = MONTH_DAYS[mi] + if m == 2 { feb29 } else { 0 };
    if d > len {
        return None;
    }
    let doy = DAYS_BEFORE[mi] + d + if m > 2 { feb29 } else { 0 };
    Some((y, doy))
}

fn for_lines(input: &[u8], mut f: impl FnMut(&[u8]) -> bool) -> bool {
    for raw in input.split(|&b| b == b'\n') {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.is_empty() {
            continue;
        }
        if !f(line) {
            return false;
        }
    }
    true
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let mut dates = 0usize;
    if !for_lines(input, |l| {
        dates += 1;
        parse(l).is_some()
    }) {
        return -1;
    }
    let need = match dates.checked_mul(9) {
        Some(n) => n,
        None => return -1,
    };
    let cap = unsafe { ptr::read_unaligned(output_len) };
    if need > cap {
        unsafe { ptr::write_unaligned(output_len, need) };
        return -3;
    }
    let mut o = 0usize;
    for_lines(input, |l| {
        let (_, doy) = parse(l).unwrap_or((0, 0));
        let rec = [
            l[0], l[1], l[2], l[3], b'-',
            b'0' + (doy / 100) as u8,
            b'0' + (doy / 10 % 10) as u8,
            b'0' + (doy % 10) as u8,
            b'\n',
        ];
        unsafe { ptr::copy_nonoverlapping(rec.as_ptr(), output_ptr.add(o), 9) };
        o += 9;
        true
    });
    unsafe { ptr::write_unaligned(output_len, o) };
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010002
}
