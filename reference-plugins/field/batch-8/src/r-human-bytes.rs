//! human-bytes: byte counts to human-readable IEC sizes, one per line, like `numfmt --to=iec-i`
//! with one decimal: "512\n1536\n1073741824" -> "512 B\n1.5 KiB\n1.0 GiB\n". A line is a
//! decimal u64 (1 to 20 digits, at most 18446744073709551615), a CR before the LF is allowed
//! and a final LF is optional; anything else (blank lines, signs, spaces, larger values) is
//! -1 (InvalidInput). Below 1024 the count is printed as is with " B"; above, the value is
//! rounded half up to one decimal in the largest unit (KiB .. EiB) it reaches, moving up one
//! unit when the rounding reaches 1024.0. The empty input gives the empty output. No heap: a
//! sizing pass and a writing pass that format each line into a stack buffer.
use std::ptr;

static INFO: &[u8] = b"human-bytes v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

const UNITS: [&[u8]; 7] = [b"B", b"KiB", b"MiB", b"GiB", b"TiB", b"PiB", b"EiB"];

fn parse_u64(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 20 {
        return None;
    }
    let mut v: u64 = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v.checked_mul(10)?.checked_add((c - b'0') as u64)?;
    }
    Some(v)
}

fn put_dec(buf: &mut [u8; 48], len: &mut usize, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut k = 0;
    loop {
        tmp[k] = b'0' + (v % 10) as u8;
        k += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        buf[*len] = tmp[k];
        *len += 1;
    }
}

fn put(buf: &mut [u8; 48], len: &mut usize, s: &[u8]) {
    for &c in s {
        buf[*len] = c;
        *len += 1;
    }
}

/// Formats one size, with its LF, into `buf`; returns the length.
fn format_size(n: u64, buf: &mut [u8; 48]) -> usize {
    let mut len = 0;
    if n < 1024 {
        put_dec(buf, &mut len, n);
        put(buf, &mut len, b" B\n");
        return len;
    }
    let mut unit = 1;
    while unit < 6 && n >= 1u64 << (10 * (unit + 1)) {
        unit += 1;
    }
    let mut div = 1u64 << (10 * unit);
    let mut tenths = (n * 10 + div / 2) / div;
    if tenths >= 10240 && unit < 6 {
        unit += 1;
        div <<= 10;
        tenths = (n * 10 + div / 2) / div;
    }
    put_dec(buf, &mut len, tenths / 10);
    put(buf, &mut len, b".");
    put_dec(buf, &mut len, tenths % 10);
    put(buf, &mut len, b" ");
    put(buf, &mut len, UNITS[unit as usize]);
    put(buf, &mut len, b"\n");
    len
}

/// Calls `line` with the formatted bytes of every line; the total size, or None for bad input.
fn walk(input: &[u8], mut line: impl FnMut(&[u8])) -> Option<usize> {
    if input.is_empty() {
        return Some(0);
    }
    let body = input.strip_suffix(b"\n").unwrap_or(input);
    let mut total = 0;
    let mut buf = [0u8; 48];
    for raw in body.split(|&b| b == b'\n') {
        let text = raw.strip_suffix(b"\r").unwrap_or(raw);
        let n = parse_u64(text)?;
        let len = format_size(n, &mut buf);
        line(&buf[..len]);
        total += len;
    }
    Some(total)
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let need = match walk(input, |_| {}) {
        Some(n) => n,
        None => return INVALID_INPUT,
    };
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    let mut o = 0;
    walk(input, |bytes| {
        if o + bytes.len() <= need {
            ptr::copy_nonoverlapping(bytes.as_ptr(), output_ptr.add(o), bytes.len());
        }
        o += bytes.len();
    });
    ptr::write_unaligned(output_len, need);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    1 << 16
}
