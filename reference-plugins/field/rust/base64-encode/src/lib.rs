//! base64-encode: standard base64 (RFC 4648, `+/` alphabet, `=` padding), no line breaks.

use std::alloc::Layout;
use std::{mem, ptr, slice};

static INFO: &[u8] = b"base64-encode v0.9.1\0";
static ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn encode(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity((input.len() + 2) / 3 * 4);
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(ALPHABET[(n >> 18) as usize & 63]);
        out.push(ALPHABET[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 { ALPHABET[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if chunk.len() > 2 { ALPHABET[n as usize & 63] } else { b'=' });
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
    let encoded = encode(input);
    let capacity = ptr::read_unaligned(output_len);
    if encoded.len() > capacity {
        ptr::write_unaligned(output_len, encoded.len());
        return -3;
    }
    ptr::copy_nonoverlapping(encoded.as_ptr(), output_ptr, encoded.len());
    ptr::write_unaligned(output_len, encoded.len());
    // Keep the encoded buffer alive until the host has read the output.
    mem::forget(encoded);
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
    if let (false, Some(l)) = (p.is_null(), layout(size)) {
        std::alloc::dealloc(p, l);
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    9 << 8 | 1
}
