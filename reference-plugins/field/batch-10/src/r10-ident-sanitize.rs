//! ident-sanitize: turns each line of text into a safe identifier (for column names, file
//! stems, C/Python symbols): every byte that is not an ASCII letter, an ASCII digit or '_'
//! becomes '_', and a line that starts with a digit gets a '_' in front ("2nd col-name" ->
//! "_2nd_col_name"). Lines are separated by LF, which is kept; the output is ASCII and has one
//! byte per input byte, plus one per line starting with a digit. Every input is accepted; the
//! empty input gives the empty output.
//! No heap: a sizing pass, then a writing pass straight into the host's buffer.
use std::ptr;

static INFO: &[u8] = b"ident-sanitize v0.2.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

/// Bytes kept as they are in an identifier.
fn is_ident_byte(b: u8) -> bool {
    b == b'_' || (b as char).is_alphanumeric()
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    // Sizing: one byte per input byte, one more for each line that starts with a digit.
    let mut need = input.len();
    let mut at_line_start = true;
    for &b in input {
        if at_line_start && b.is_ascii_digit() {
            need += 1;
        }
        at_line_start = b == b'\n';
    }
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    if need > 0 {
        let out = std::slice::from_raw_parts_mut(output_ptr, need);
        let mut o = 0;
        let mut at_line_start = true;
        for &b in input {
            if at_line_start && b.is_ascii_digit() {
                out[o] = b'_';
                o += 1;
            }
            out[o] = if b == b'\n' || is_ident_byte(b) { b } else { b'_' };
            o += 1;
            at_line_start = b == b'\n';
        }
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
    0x00_02_00
}
