//! guide-tokenizer: the plugin guide's whitespace tokenizer.
//!
//! `tokenize` writes one u32 id per whitespace-separated word (`simple_hash` of the word's
//! bytes); `process` writes the same ids as little-endian bytes. Both put the capacity check
//! the guide leaves out in front of the writes.

use core::{ptr, slice, str};

static INFO: &[u8] = b"guide-tokenizer v0.1.0\0";

fn simple_hash(s: &str) -> u32 {
    let mut hash: u32 = 0;
    for byte in s.bytes() {
        hash = hash.wrapping_mul(31).wrapping_add(byte as u32);
    }
    hash
}

unsafe fn input_text<'a>(input_ptr: *const u8, input_len: usize) -> &'a str {
    let input: &[u8] = if input_len == 0 {
        &[]
    } else {
        slice::from_raw_parts(input_ptr, input_len)
    };
    // The host hands us text from the document loader, which is always UTF-8.
    str::from_utf8(input).expect("tokenizer input is not UTF-8")
}

#[no_mangle]
pub unsafe extern "C" fn tokenize(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u32,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let text = input_text(input_ptr, input_len);
    let count = text.split_whitespace().count();
    let capacity = ptr::read_unaligned(output_len);
    if count > capacity {
        ptr::write_unaligned(output_len, count);
        return -3;
    }
    for (i, word) in text.split_whitespace().enumerate() {
        ptr::write_unaligned(output_ptr.add(i), simple_hash(word));
    }
    ptr::write_unaligned(output_len, count);
    0
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
    let text = input_text(input_ptr, input_len);
    let needed = text.split_whitespace().count() * 4;
    let capacity = ptr::read_unaligned(output_len);
    if needed > capacity {
        ptr::write_unaligned(output_len, needed);
        return -3;
    }
    for (i, word) in text.split_whitespace().enumerate() {
        let bytes = simple_hash(word).to_le_bytes();
        ptr::copy_nonoverlapping(bytes.as_ptr(), output_ptr.add(4 * i), 4);
    }
    ptr::write_unaligned(output_len, needed);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
