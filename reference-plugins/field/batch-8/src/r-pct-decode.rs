//! pct-decode: decodes an application/x-www-form-urlencoded query string: '+' becomes a space,
//! "%XX" (two hex digits, either case) becomes the byte 0xXX, every other byte is copied as is:
//! "a+b%3Dc%26d" -> "a b=c&d". A '%' that is not followed by two hex digits is -1
//! (InvalidInput). The output is never longer than the input. No heap: a validating/sizing
//! pass, then a writing pass straight into the host's buffer. No alloc/dealloc exports.
use std::ptr;

static INFO: &[u8] = b"pct-decode v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

/// The byte a two-digit hex escape stands for.
fn hex_pair(digits: &[u8]) -> Option<u8> {
    let s = std::str::from_utf8(digits).ok()?;
    u8::from_str_radix(s, 16).ok()
}

/// Walks the input, handing every output byte to `emit`; returns the output size, or None
/// for a malformed escape.
fn walk(input: &[u8], mut emit: impl FnMut(u8)) -> Option<usize> {
    let mut i = 0;
    let mut n = 0;
    while i < input.len() {
        let b = input[i];
        match b {
            b'%' => {
                if i + 2 >= input.len() {
                    return None;
                }
                emit(hex_pair(&input[i + 1..i + 3])?);
                i += 3;
            }
            b'+' => {
                emit(b' ');
                i += 1;
            }
            _ => {
                emit(b);
                i += 1;
            }
        }
        n += 1;
    }
    Some(n)
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
    if need > 0 {
        let out = std::slice::from_raw_parts_mut(output_ptr, need);
        let mut o = 0;
        walk(input, |b| {
            if o < need {
                out[o] = b;
            }
            o += 1;
        });
    }
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
