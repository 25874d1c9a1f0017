//! bits-pack: packs a bit string written as text into bytes, most significant bit first:
//! "01001000 01101001" -> "Hi". The characters '0' and '1' are bits; spaces, tabs, CR, LF and
//! '_' are separators and are skipped ("0100_1000" is one byte); anything else is -1
//! (InvalidInput). A last group of fewer than 8 bits is padded with zero bits on the right
//! ("1" -> 0x80, "101" -> 0xa0). The empty input gives the empty output. -3 with the needed
//! size, ceil(bits / 8), when it does not fit.
//! No heap (the guide's "avoid allocations in hot paths"): a counting pass, then the bits are
//! set straight into the host's buffer.
use std::ptr;

static INFO: &[u8] = b"bits-pack v1.3.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

fn is_sep(c: u8) -> bool {
    c == b' ' || c == b'\t' || c == b'\r' || c == b'\n' || c == b'_'
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };

    let mut bits = 0usize;
    for &c in input {
        match c {
            b'0' | b'1' => bits += 1,
            c if is_sep(c) => {}
            _ => return INVALID_INPUT,
        }
    }
    let need = (bits + 7) / 8;
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }

    // Set the 1 bits; the 0 bits (and the padding of the last byte) are left as they are.
    let out = std::slice::from_raw_parts_mut(output_ptr, need);
    let mut i = 0usize;
    for &c in input {
        match c {
            b'1' => {
                out[i >> 3] |= 0x80 >> (i & 7);
                i += 1;
            }
            b'0' => i += 1,
            _ => {}
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
    0x01_03_00
}
