//! range-expand: expands a list of numbers and inclusive ranges into one number per line, the
//! way `seq` and print-page dialogs read them: "1-3,7,10-11" -> "1\n2\n3\n7\n10\n11\n".
//! The input is items separated by single commas, each a decimal number (1 to 10 digits,
//! at most 4294967295, leading zeros allowed and dropped) or two of them joined by '-' with the
//! first not above the second; one final LF is allowed. Nothing else is accepted (no spaces,
//! no empty items, no signs): -1 (InvalidInput). The expansion may hold at most 1,000,000
//! numbers in all, also -1 past that, so the output is at most 11,000,000 bytes, and can be
//! far larger than the input ("0-999999" is 8 bytes in, 6,888,890 out). The empty input (or a
//! lone LF) gives the empty output. No heap: the needed size is computed arithmetically per
//! range (numbers of each digit count), then the numbers are written straight into the host's
//! buffer. No alloc/dealloc exports.
use std::ptr;

static INFO: &[u8] = b"range-expand v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

const MAX_NUMBERS: u64 = 1_000_000;

fn parse_num(s: &[u8]) -> Option<u64> {
    if s.is_empty() || s.len() > 10 {
        return None;
    }
    let mut v: u64 = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    if v > u32::MAX as u64 {
        return None;
    }
    Some(v)
}

fn parse_item(item: &[u8]) -> Option<(u64, u64)> {
    match item.iter().position(|&c| c == b'-') {
        None => {
            let v = parse_num(item)?;
            Some((v, v))
        }
        Some(d) => {
            let a = parse_num(&item[..d])?;
            let b = parse_num(&item[d + 1..])?;
            if a > b {
                return None;
            }
            Some((a, b))
        }
    }
}

/// Bytes of "k\n" for every k in a..=b.
fn range_bytes(a: u64, b: u64) -> u64 {
    let mut total = 0;
    let mut lo_d: u64 = 0;
    let mut hi_d: u64 = 9;
    for digits in 1..=10u64 {
        let lo = a.max(lo_d);
        let hi = b.min(hi_d);
        if lo <= hi {
            total += (hi - lo + 1) * (digits + 1);
        }
        lo_d = hi_d + 1;
        hi_d = hi_d * 10 + 9;
    }
    total
}

fn body(input: &[u8]) -> &[u8] {
    input.strip_suffix(b"\n").unwrap_or(input)
}

/// The needed size, or None for input that is not a valid list.
fn measure(input: &[u8]) -> Option<u64> {
    let body = body(input);
    if body.is_empty() {
        return Some(0);
    }
    let mut count = 0u64;
    let mut bytes = 0u64;
    for item in body.split(|&c| c == b',') {
        let (a, b) = parse_item(item)?;
        count += b - a + 1;
        if count > MAX_NUMBERS {
            return None;
        }
        bytes += range_bytes(a, b);
    }
    Some(bytes)
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let need = match measure(input) {
        Some(n) => n as usize,
        None => return INVALID_INPUT,
    };
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    let mut o = 0usize;
    let body = body(input);
    if !body.is_empty() {
        let mut tmp = [0u8; 11];
        for item in body.split(|&c| c == b',') {
            let (a, b) = match parse_item(item) {
                Some(r) => r,
                None => return INVALID_INPUT, // measured above: never happens
            };
            let mut k = a;
            while k <= b {
                let mut v = k;
                let mut j = tmp.len();
                j -= 1;
                tmp[j] = b'\n';
                loop {
                    j -= 1;
                    tmp[j] = b'0' + (v % 10) as u8;
                    v /= 10;
                    if v == 0 {
                        break;
                    }
                }
                let len = tmp.len() - j;
                if o + len > need {
                    return INVALID_INPUT; // cannot happen: the sizes agree
                }
                ptr::copy_nonoverlapping(tmp.as_ptr().add(j), output_ptr.add(o), len);
                o += len;
                k += 1;
            }
        }
    }
    ptr::write_unaligned(output_len, o);
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
