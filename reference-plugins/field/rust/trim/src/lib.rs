//! trim: strips leading and trailing ASCII whitespace (space, \t, \n, \r, \x0c).
//! Bytes in between are copied unchanged, so any bytes are accepted.

use core::{ptr, slice};

static INFO: &[u8] = b"trim v0.1.0\0";

#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let input: &[u8] = if input_len == 0 {
        &[]
    } else {
        slice::from_raw_parts(input_ptr, input_len)
    };

    let start = input
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(input.len());
    let end = input
        .iter()
        .rposition(|b| !b.is_ascii_whitespace())
        .map_or(start, |i| i + 1);

    if start == 0 && end == input.len() {
        // Common case: nothing to trim, hand the input back unchanged.
        ptr::copy_nonoverlapping(input_ptr, output_ptr, input_len);
        ptr::write_unaligned(output_len, input_len);
        return 0;
    }

    let needed = end - start;
    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }
    ptr::copy_nonoverlapping(input_ptr.add(start), output_ptr, needed);
    ptr::write_unaligned(output_len, needed);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
