//! trim-trailing: removes trailing whitespace (spaces and tabs) from every line of UTF-8 text;
//! line breaks are kept, a last line without one stays without one. Input that is not UTF-8 is
//! -1. The output is written straight into the host's buffer after its size is known.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"trim-trailing v0.3.1\0";

fn needed(text: &str) -> usize {
    let mut n = 0;
    for piece in text.split_inclusive('\n') {
        let (body, nl) = match piece.strip_suffix('\n') {
            Some(b) => (b, 1),
            None => (piece, 0),
        };
        n += body.trim_end().len() + nl;
    }
    n
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    let text = match std::str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => return -1,
    };
    let cap = unsafe { *output_len };
    let need = needed(text);
    if need > cap {
        unsafe { *output_len = need };
        return -3;
    }
    let out = unsafe { std::slice::from_raw_parts_mut(output_ptr, cap) };
    let mut o = 0;
    for piece in text.split_inclusive('\n') {
        let (body, nl) = match piece.strip_suffix('\n') {
            Some(b) => (b, true),
            None => (piece, false),
        };
        let kept = body.trim_end_matches(|c| c == ' ' || c == '\t').as_bytes();
        out[o..o + kept.len()].copy_from_slice(kept);
        o += kept.len();
        if nl {
            out[o] = b'\n';
            o += 1;
        }
    }
    unsafe { *output_len = o };
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
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
