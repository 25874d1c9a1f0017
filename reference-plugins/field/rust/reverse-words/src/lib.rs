//! reverse-words: writes the whitespace-separated words of UTF-8 text in reverse order,
//! joined by single spaces. "one two  three" -> "three two one". Invalid UTF-8 gets -1.

use std::{ptr, slice, str};

static INFO: &[u8] = b"reverse-words v1.0.0\0";

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
    let text = match str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => return -1,
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let needed = words.iter().map(|w| w.len()).sum::<usize>() + words.len().saturating_sub(1);
    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }
    let mut pos = 0;
    for (i, word) in words.iter().rev().enumerate() {
        if i > 0 {
            *output_ptr.add(pos) = b' ';
            pos += 1;
        }
        ptr::copy_nonoverlapping(word.as_ptr(), output_ptr.add(pos), word.len());
        pos += word.len();
    }
    ptr::write_unaligned(output_len, pos);
    0
}

/// Buffers for the host: a Vec's allocation, handed out and taken back.
#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    let mut buf: Vec<u8> = Vec::with_capacity(size.max(1));
    let p = buf.as_mut_ptr();
    std::mem::forget(buf);
    p
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if !p.is_null() {
        drop(Vec::from_raw_parts(p, 0, size.max(1)));
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
