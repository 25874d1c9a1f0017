//! guide-tok: the guide's whitespace tokenizer (split_whitespace, simple_hash ids) with both
//! entry points: `tokenize` counts its capacity in u32 ids, `process` in bytes (ids as
//! little-endian u32). Invalid UTF-8 is -1; output that does not fit is -3 with the needed size.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"guide-tok v0.2.0\0";

fn simple_hash(s: &str) -> u32 {
    let mut hash: u32 = 0;
    for byte in s.bytes() {
        hash = hash.wrapping_mul(31).wrapping_add(byte as u32);
    }
    hash
}

fn token_ids(input_ptr: *const u8, input_len: usize) -> Option<Vec<u32>> {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    let text = std::str::from_utf8(input).ok()?;
    Some(text.split_whitespace().map(simple_hash).collect())
}

/// Writes the ids; `unit` is the size in bytes of one element of the capacity.
fn finish(ids: &[u32], output_ptr: *mut u8, output_len: *mut usize, unit: usize) -> i32 {
    let bytes = ids.len() * 4;
    let cap_bytes = unsafe { *output_len }.saturating_mul(unit);
    if bytes > cap_bytes {
        unsafe { *output_len = bytes };
        return -3;
    }
    for (i, id) in ids.iter().enumerate() {
        unsafe { std::ptr::copy_nonoverlapping(id.to_le_bytes().as_ptr(), output_ptr.add(i * 4), 4) };
    }
    unsafe { *output_len = bytes / unit };
    0
}

#[no_mangle]
pub extern "C" fn tokenize(input_ptr: *const u8, input_len: usize, output_ptr: *mut u32, output_len: *mut usize) -> i32 {
    match token_ids(input_ptr, input_len) {
        Some(ids) => finish(&ids, output_ptr as *mut u8, output_len, 4),
        None => -1,
    }
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    match token_ids(input_ptr, input_len) {
        Some(ids) => finish(&ids, output_ptr, output_len, 1),
        None => -1,
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x000200
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    if size == 0 {
        return 8 as *mut u8;
    }
    match Layout::from_size_align(size, 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => std::ptr::null_mut(),
    }
}

#[no_mangle]
pub extern "C" fn dealloc(ptr: *mut u8, size: usize) {
    if size == 0 || ptr.is_null() {
        return;
    }
    unsafe { sys_dealloc(ptr, Layout::from_size_align_unchecked(size, 8)) }
}
