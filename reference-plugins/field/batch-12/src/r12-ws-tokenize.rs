//! ws-tokenize: the guide's whitespace tokenizer, with both entry points. `tokenize` writes one
//! u32 id per whitespace-separated word (Unicode White_Space, as str::split_whitespace), the id
//! being the guide's simple_hash (h = h * 31 + byte, wrapping, from 0); its capacity and count
//! are in ids. `process` gives the same ids as little-endian u32 bytes; its capacity and count
//! are in bytes. Input that is not UTF-8 is -1; the empty input (or whitespace only) gives no
//! ids. -3 with the needed size when the ids do not fit.
//! alloc/dealloc hand the host 8-aligned blocks from the std allocator.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"ws-tokenize v1.3.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match Layout::from_size_align(size.max(1), 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    sys_dealloc(p, Layout::from_size_align_unchecked(size.max(1), 8));
}

fn simple_hash(s: &str) -> u32 {
    let mut hash: u32 = 0;
    for byte in s.bytes() {
        hash = hash.wrapping_mul(31).wrapping_add(byte as u32);
    }
    hash
}

unsafe fn input_str<'a>(input_ptr: *const u8, input_len: usize) -> Option<&'a str> {
    let bytes: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    std::str::from_utf8(bytes).ok()
}

/// Writes the ids of `text` as little-endian u32s at `out`, which holds `cap` ids.
/// Ok(ids written) or Err(ids needed).
unsafe fn put_ids(text: &str, out: *mut u8, cap: usize) -> Result<usize, usize> {
    let count = text.split_whitespace().count();
    if count > cap {
        return Err(count);
    }
    for (i, word) in text.split_whitespace().enumerate() {
        ptr::copy_nonoverlapping(simple_hash(word).to_le_bytes().as_ptr(), out.add(i * 4), 4);
    }
    Ok(count)
}

#[no_mangle]
pub unsafe extern "C" fn tokenize(input_ptr: *const u8, input_len: usize, output_ptr: *mut u32, output_len: *mut usize) -> i32 {
    let text = match input_str(input_ptr, input_len) {
        Some(t) => t,
        None => return INVALID_INPUT,
    };
    let cap = ptr::read_unaligned(output_len);
    match put_ids(text, output_ptr as *mut u8, cap) {
        Ok(n) => {
            ptr::write_unaligned(output_len, n);
            OK
        }
        Err(need) => {
            ptr::write_unaligned(output_len, need);
            OUTPUT_TOO_SMALL
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let text = match input_str(input_ptr, input_len) {
        Some(t) => t,
        None => return INVALID_INPUT,
    };
    // process counts bytes: 4 per id.
    let cap = ptr::read_unaligned(output_len) / 4;
    match put_ids(text, output_ptr, cap) {
        Ok(n) => {
            ptr::write_unaligned(output_len, n * 4);
            OK
        }
        Err(need) => {
            ptr::write_unaligned(output_len, need);
            OUTPUT_TOO_SMALL
        }
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_03_00
}
