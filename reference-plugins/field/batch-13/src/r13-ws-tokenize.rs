//! ws-tokenize: the guide's whitespace tokenizer. Splits UTF-8 text on Unicode whitespace
//! (str::split_whitespace) and gives each word the guide's simple_hash as its id.
//! `tokenize` writes one u32 per word (capacity and count in u32 elements); `process` writes the
//! same ids as little-endian bytes (capacity and count in bytes). Input that is not UTF-8 gives
//! -1 from both. When the ids do not fit, -3 with the needed count (ids for tokenize, bytes for
//! process). No heap, no imports.
//! Speed note: tokenize writes the ids two at a time, one 8-byte store per pair of words, which
//! halves the stores on the long documents this runs on.
use std::ptr;

static INFO: &[u8] = b"ws-tokenize v1.1.0\0";

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    (1 << 16) | (1 << 8) | 0
}

fn simple_hash(s: &str) -> u32 {
    let mut hash: u32 = 0;
    for byte in s.bytes() {
        hash = hash.wrapping_mul(31).wrapping_add(byte as u32);
    }
    hash
}

unsafe fn text<'a>(input_ptr: *const u8, input_len: usize) -> Option<&'a str> {
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    std::str::from_utf8(input).ok()
}

#[no_mangle]
pub unsafe extern "C" fn tokenize(input_ptr: *const u8, input_len: usize, output_ptr: *mut u32, output_len: *mut usize) -> i32 {
    let text = match text(input_ptr, input_len) {
        Some(t) => t,
        None => return -1,
    };
    let cap = ptr::read_unaligned(output_len);
    let count = text.split_whitespace().count();
    if count > cap {
        ptr::write_unaligned(output_len, count);
        return -3;
    }
    // Two ids per store: the pair (a, b) is one little-endian u64.
    let mut words = text.split_whitespace();
    let mut i = 0;
    while let Some(w) = words.next() {
        let a = simple_hash(w) as u64;
        let b = words.next().map(simple_hash).unwrap_or(0) as u64;
        ptr::write_unaligned(output_ptr.add(i) as *mut u64, a | (b << 32));
        i += 2;
    }
    ptr::write_unaligned(output_len, count);
    0
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let text = match text(input_ptr, input_len) {
        Some(t) => t,
        None => return -1,
    };
    let cap = ptr::read_unaligned(output_len);
    let count = text.split_whitespace().count();
    let need = count * 4;
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return -3;
    }
    let mut o = 0;
    for w in text.split_whitespace() {
        let b = simple_hash(w).to_le_bytes();
        ptr::copy_nonoverlapping(b.as_ptr(), output_ptr.add(o), 4);
        o += 4;
    }
    ptr::write_unaligned(output_len, need);
    0
}
