//! collapse-ws: normalises spacing in UTF-8 text: tabs become spaces, every run of spaces
//! becomes one space, and spaces at the start and end of each line go. Line breaks are kept.
//! Input that is not UTF-8 is -1.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"collapse-ws v2.1.0\0";

fn collapse(text: &str) -> String {
    let mut s = text.replace('\t', " ");
    while let Some(i) = s.find("  ") {
        s.replace_range(i..i + 2, " ");
    }
    let mut out = String::with_capacity(s.len());
    for (k, line) in s.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(line.trim_matches(' '));
    }
    out
}

fn write_out(result: &[u8], output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    unsafe {
        if result.len() > *output_len {
            *output_len = result.len();
            return -3;
        }
        std::ptr::copy_nonoverlapping(result.as_ptr(), output_ptr, result.len());
        *output_len = result.len();
    }
    0
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    match std::str::from_utf8(input) {
        Ok(text) => write_out(collapse(text).as_bytes(), output_ptr, output_len),
        Err(_) => -1,
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x020100
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
