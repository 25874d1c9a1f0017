//! squeeze-blank: squeezes runs of empty lines into one empty line, like `cat -s`:
//! "a\n\n\n\nb\n" -> "a\n\nb\n". A line is empty when it has no bytes at all before its LF (a
//! line of spaces, or a lone CR, is not empty, as in cat -s). Any bytes are accepted; the
//! output is never longer than the input. The output is built in a Vec and copied out once
//! it is known to fit. Exports alloc/dealloc for the host's buffers (std's allocator, 8-aligned
//! blocks, alloc(0) gives a real 1-byte block), since the plugin uses the heap.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"squeeze-blank v1.0.2\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

fn squeeze(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    // True when the last line written was empty (nothing between two LFs, or at the start).
    let mut prev_empty = false;
    let mut at_line_start = true;
    for &b in input {
        if b == b'\n' && at_line_start {
            if prev_empty {
                continue;
            }
            prev_empty = true;
            out.push(b);
            continue;
        }
        if b == b'\n' {
            prev_empty = false;
            at_line_start = true;
        } else {
            at_line_start = false;
        }
        out.push(b);
    }
    out
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let out = squeeze(input);
    if out.len() > cap {
        ptr::write_unaligned(output_len, out.len());
        return OUTPUT_TOO_SMALL;
    }
    if !out.is_empty() {
        ptr::copy_nonoverlapping(out.as_ptr(), output_ptr, out.len());
    }
    ptr::write_unaligned(output_len, out.capacity());
    OK
}

fn layout(size: usize) -> Option<Layout> {
    if size > isize::MAX as usize - 8 {
        return None;
    }
    Layout::from_size_align(size.max(1), 8).ok()
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match layout(size) {
        Some(l) => unsafe { sys_alloc(l) },
        None => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    if let Some(l) = layout(size) {
        sys_dealloc(p, l);
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    1 << 16 | 2
}
