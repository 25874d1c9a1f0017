//! json-escape: turns UTF-8 text into a JSON string literal, quotes included.
//!
//!     say "hi"\n   ->   "say \"hi\"\n"
//!
//! `"` and `\` get a backslash, the usual control characters their short escapes
//! (\n \r \t \b \f), every other control character below 0x20 a \u00XX escape.
//! Non-ASCII text is copied as is (JSON is UTF-8). Invalid UTF-8 is rejected with -1.

use core::{ptr, slice, str};

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

static INFO: &[u8] = b"json-escape v1.0.2\0";
static HEX: &[u8; 16] = b"0123456789abcdef";

fn needs_escape(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20
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
    let input: &[u8] = if input_len == 0 {
        &[]
    } else {
        slice::from_raw_parts(input_ptr, input_len)
    };
    if str::from_utf8(input).is_err() {
        return INVALID_INPUT;
    }
    let capacity = ptr::read_unaligned(output_len);

    // Two quotes, every byte, and one backslash in front of each escaped byte.
    let escapes = input.iter().filter(|&&b| needs_escape(b)).count();
    let needed = 2 + input.len() + escapes;
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return OUTPUT_TOO_SMALL;
    }

    // Capacity is checked above, so the writes below can go straight to the buffer.
    let mut pos = 0;
    let mut put = |b: u8| {
        *output_ptr.add(pos) = b;
        pos += 1;
    };
    put(b'"');
    for &b in input {
        match b {
            b'"' => { put(b'\\'); put(b'"'); }
            b'\\' => { put(b'\\'); put(b'\\'); }
            b'\n' => { put(b'\\'); put(b'n'); }
            b'\r' => { put(b'\\'); put(b'r'); }
            b'\t' => { put(b'\\'); put(b't'); }
            0x08 => { put(b'\\'); put(b'b'); }
            0x0C => { put(b'\\'); put(b'f'); }
            b if b < 0x20 => {
                put(b'\\');
                put(b'u');
                put(b'0');
                put(b'0');
                put(HEX[(b >> 4) as usize]);
                put(HEX[(b & 0xF) as usize]);
            }
            b => put(b),
        }
    }
    put(b'"');
    ptr::write_unaligned(output_len, pos);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
