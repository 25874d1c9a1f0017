//! hex2dec: converts hexadecimal numbers to decimal, one per line: each line of the input is an
//! unsigned number of 1 to 16 hex digits (either case, an optional "0x"/"0X" prefix), and the
//! output has its decimal value on a line of its own ("ff\n0x10\n" -> "255\n16\n"). A CR before
//! the LF is ignored and empty lines are skipped, so the empty input gives the empty output.
//! Anything else (a bad digit, more than 16 digits, a bare "0x") is -1 (InvalidInput).
//! No heap: a sizing pass, then the digits go straight into the host's buffer.
use std::ptr;

static INFO: &[u8] = b"hex2dec v1.1.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

fn hex_val(c: u8) -> Option<u64> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as u64),
        b'a'..=b'f' => Some((c - b'a' + 10) as u64),
        b'A'..=b'F' => Some((c - b'A' + 10) as u64),
        _ => None,
    }
}

/// Parses one line (without its LF); None when it is not a hex number.
fn parse_line(mut line: &[u8]) -> Option<u64> {
    if line.len() >= 2 && line[0] == b'0' && (line[1] == b'x' || line[1] == b'X') {
        line = &line[2..];
    }
    if line.is_empty() || line.len() > 16 {
        return None;
    }
    let mut v: u64 = 0;
    for &c in line {
        v = v << 4 | hex_val(c)?;
    }
    Some(v)
}

/// Number of decimal digits of v.
fn dec_digits(v: u64) -> usize {
    if v == 0 {
        return 1;
    }
    (v as f64).log10().ceil() as usize
}

/// Writes v in decimal at out[at..]; returns the new end.
fn put_dec(out: &mut [u8], at: usize, mut v: u64) -> usize {
    let mut tmp = [0u8; 20];
    let mut n = 0;
    loop {
        tmp[n] = b'0' + (v % 10) as u8;
        n += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for k in 0..n {
        out[at + k] = tmp[n - 1 - k];
    }
    at + n
}

/// Calls f for every non-empty line (CR stripped); stops at the first error.
fn for_each_line<F: FnMut(&[u8]) -> bool>(input: &[u8], mut f: F) -> bool {
    for raw in input.split(|&b| b == b'\n') {
        let line = match raw.last() {
            Some(b'\r') => &raw[..raw.len() - 1],
            _ => raw,
        };
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
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    // Pass 1: validate and size.
    let mut need: usize = 0;
    let ok = for_each_line(input, |line| match parse_line(line) {
        Some(v) => {
            need += dec_digits(v) + 1;
            true
        }
        None => false,
    });
    if !ok {
        return INVALID_INPUT;
    }
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    if need == 0 {
        ptr::write_unaligned(output_len, 0);
        return OK;
    }

    // Pass 2: write.
    let out = std::slice::from_raw_parts_mut(output_ptr, cap);
    let mut o = 0;
    for_each_line(input, |line| {
        let v = parse_line(line).unwrap_or(0);
        o = put_dec(out, o, v);
        out[o] = b'\n';
        o += 1;
        true
    });
    ptr::write_unaligned(output_len, o);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_01_00
}
