//! upper-utf8: uppercases UTF-8 text with Unicode's case mapping ("straße" -> "STRASSE",
//! "ἀρχή" -> "ἈΡΧΉ"). Input that is not UTF-8 is rejected with -1.
//!
//! The output is encoded straight into the host's buffer, without a temporary String, so a
//! call allocates nothing.

use core::{ptr, slice, str};

static INFO: &[u8] = b"upper-utf8 v1.1.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

/// Number of bytes `c` takes in UTF-8.
fn utf8_width(c: u32) -> usize {
    if c < 0x80 {
        1
    } else if c < 0x800 {
        2
    } else {
        3
    }
}

/// Encodes `c` at `out[pos..]` and returns how many bytes it wrote.
fn put_utf8(out: &mut [u8], pos: usize, c: u32) -> usize {
    match utf8_width(c) {
        1 => {
            out[pos] = c as u8;
            1
        }
        2 => {
            out[pos] = 0xC0 | (c >> 6) as u8;
            out[pos + 1] = 0x80 | (c & 0x3F) as u8;
            2
        }
        _ => {
            out[pos] = 0xE0 | (c >> 12) as u8;
            out[pos + 1] = 0x80 | ((c >> 6) & 0x3F) as u8;
            out[pos + 2] = 0x80 | (c & 0x3F) as u8;
            3
        }
    }
}

fn upper_len(text: &str) -> usize {
    text.chars()
        .flat_map(char::to_uppercase)
        .map(|c| utf8_width(c as u32))
        .sum()
}

#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let capacity = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 {
        &[]
    } else {
        slice::from_raw_parts(input_ptr, input_len)
    };
    let text = match str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => return INVALID_INPUT,
    };

    let needed = upper_len(text);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return OUTPUT_TOO_SMALL;
    }
    if needed > 0 {
        let out = slice::from_raw_parts_mut(output_ptr, needed);
        let mut pos = 0;
        for c in text.chars().flat_map(char::to_uppercase) {
            pos += put_utf8(out, pos, c as u32);
        }
    }
    ptr::write_unaligned(output_len, needed);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    1 << 16 | 1 << 8
}
