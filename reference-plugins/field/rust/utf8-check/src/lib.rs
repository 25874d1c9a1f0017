//! utf8-check: a validator. Returns 0 with an empty output (*output_len = 0) when the input
//! is valid UTF-8, and -1 when it is not. It never writes to the output buffer, so it works
//! with any capacity, 0 included.

use core::{ptr, slice, str};

static INFO: &[u8] = b"utf8-check v1.0.0\0";

#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    _output_ptr: *mut u8,
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
    match str::from_utf8(input) {
        Ok(_) => {
            ptr::write_unaligned(output_len, 0);
            0
        }
        Err(_) => -1,
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
