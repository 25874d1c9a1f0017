//! rle-encode: run-length encodes its input as (count, byte) pairs, count first.
//! "aaab" -> [3, 'a', 1, 'b']. Empty input gives empty output.

use core::slice;

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

static INFO: &[u8] = b"rle-encode v0.3.0\0";

/// Calls `emit(count, byte)` for each run of equal bytes.
fn for_each_run(input: &[u8], mut emit: impl FnMut(u8, u8)) {
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        let mut run = 1;
        while i + run < input.len() && input[i + run] == b {
            run += 1;
        }
        emit(run as u8, b);
        i += run;
    }
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
    let capacity = *output_len;

    let mut runs = 0usize;
    for_each_run(input, |_, _| runs += 1);
    let needed = runs * 2;
    if needed > capacity {
        *output_len = needed;
        return OUTPUT_TOO_SMALL;
    }

    let mut pos = 0;
    for_each_run(input, |count, byte| {
        *output_ptr.add(pos) = count;
        *output_ptr.add(pos + 1) = byte;
        pos += 2;
    });
    *output_len = pos;
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
