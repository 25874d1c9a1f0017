//! luhn-digits: appends the Luhn check digit to a string of ASCII digits.
//!
//!     "7992739871" -> "79927398713"
//!
//! The input must be one or more ASCII digits and nothing else (no spaces, no sign, no
//! newline); anything else, the empty input included, is rejected with -1. The output is
//! always one byte longer than the input.

use core::{ptr, slice};

static INFO: &[u8] = b"luhn-digits v1.0.0\0";

fn check_digit(digits: &[u8]) -> u8 {
    let mut sum = 0u32;
    // The check digit will sit to the right, so the rightmost payload digit is doubled.
    for (i, &d) in digits.iter().rev().enumerate() {
        let mut v = (d - b'0') as u32;
        if i % 2 == 0 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    b'0' + ((10 - sum % 10) % 10) as u8
}

#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() || input_len == 0 || input_ptr.is_null() {
        return -1;
    }
    let input = slice::from_raw_parts(input_ptr, input_len);
    if !input.iter().all(u8::is_ascii_digit) {
        return -1;
    }
    let needed = input_len + 1;
    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }
    let check = check_digit(input);
    ptr::copy_nonoverlapping(input_ptr, output_ptr, input_len);
    *output_ptr.add(input_len) = check;
    ptr::write_unaligned(output_len, needed);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_00_00
}
