//! word-freq: counts the whitespace-separated words of UTF-8 text and writes one line per
//! distinct word: `<word> <count>\n`. Invalid UTF-8 is rejected with -1.
//!
//! Uses std's HashMap, so the module exports `alloc`/`dealloc` for the host's buffers (the
//! heap must not be shared with pages the host grows by itself).

use std::alloc::Layout;
use std::collections::HashMap;
use std::fmt::Write;
use std::{ptr, slice, str};

static INFO: &[u8] = b"word-freq v0.2.0\0";

fn count_words(text: &str) -> String {
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word).or_insert(0) += 1;
    }
    let mut out = String::new();
    for (word, count) in &counts {
        let _ = writeln!(out, "{} {}", word, count);
    }
    out
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
    let text = match str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => return -1,
    };
    let result = count_words(text);
    let capacity = ptr::read_unaligned(output_len);
    if result.len() > capacity {
        ptr::write_unaligned(output_len, result.len());
        return -3;
    }
    ptr::copy_nonoverlapping(result.as_ptr(), output_ptr, result.len());
    ptr::write_unaligned(output_len, result.len());
    0
}

fn layout(size: usize) -> Option<Layout> {
    if size > isize::MAX as usize {
        return None;
    }
    Layout::from_size_align(size.max(1), 8).ok()
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match layout(size) {
        Some(l) => unsafe { std::alloc::alloc(l) },
        None => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    if let Some(l) = layout(size) {
        std::alloc::dealloc(p, l);
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
