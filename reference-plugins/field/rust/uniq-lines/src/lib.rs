//! uniq-lines: drops lines equal to the line before them, like uniq(1).
//!
//! Lines end at '\n'. Each kept line is written with its newline; a last line without one
//! stays without one. Any bytes are accepted (lines are compared byte by byte).

use core::{ptr, slice};

static INFO: &[u8] = b"uniq-lines v0.2.1\0";

/// Calls `f(line, ends_with_newline)` for every line that differs from the previous line.
fn for_each_kept<'a>(input: &'a [u8], mut f: impl FnMut(&'a [u8], bool)) {
    let mut prev: Option<&[u8]> = None;
    let mut rest = input;
    while !rest.is_empty() {
        let (line, newline, tail) = match rest.iter().position(|&b| b == b'\n') {
            Some(i) => (&rest[..i], true, &rest[i + 1..]),
            None => (rest, false, &rest[rest.len()..]),
        };
        if prev != Some(line) {
            f(line, newline);
        }
        prev = Some(line);
        rest = tail;
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
        return -1;
    }
    let input: &[u8] = if input_len == 0 {
        &[]
    } else {
        slice::from_raw_parts(input_ptr, input_len)
    };

    // Size pass: each kept line and its '\n'.
    let mut needed = 0usize;
    for_each_kept(input, |line, _| needed += line.len() + 1);

    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }

    let mut pos = 0usize;
    for_each_kept(input, |line, newline| {
        ptr::copy_nonoverlapping(line.as_ptr(), output_ptr.add(pos), line.len());
        pos += line.len();
        if newline {
            *output_ptr.add(pos) = b'\n';
            pos += 1;
        }
    });
    ptr::write_unaligned(output_len, needed);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
