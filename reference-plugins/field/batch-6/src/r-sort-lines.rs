//! sort-lines: sorts the non-empty lines of the input in byte order and writes each one
//! followed by '\n' (like `sort` with blank lines dropped; a CR before a LF is kept as part
//! of its line). Any bytes are accepted.
//! Sorting is the expensive part, so when the output does not fit, the sorted result is kept
//! for the host's retry, which passes the same input buffer again with a bigger capacity.
//! Exports alloc/dealloc because it builds its output on the heap.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"sort-lines v1.1.0\0";

/// (input_ptr, input_len, sorted output) of the last call that returned -3.
static mut RETRY: Option<(usize, usize, Vec<u8>)> = None;

fn sort_lines(input: &[u8]) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').filter(|l| !l.is_empty()).collect();
    lines.sort_unstable();
    let mut out = Vec::with_capacity(input.len() + 1);
    for l in lines {
        out.extend_from_slice(l);
        out.push(b'\n');
    }
    out
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let key = (input_ptr as usize, input_len);
    let result = match unsafe { RETRY.take() } {
        Some((p, n, cached)) if (p, n) == key => cached,
        _ => sort_lines(input),
    };
    unsafe {
        let cap = ptr::read_unaligned(output_len);
        if result.len() > cap {
            ptr::write_unaligned(output_len, result.len());
            RETRY = Some((key.0, key.1, result));
            return -3;
        }
        ptr::copy_nonoverlapping(result.as_ptr(), output_ptr, result.len());
        ptr::write_unaligned(output_len, result.len());
    }
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010100
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    if size == 0 {
        return 8 as *mut u8;
    }
    match Layout::from_size_align(size, 8) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => ptr::null_mut(),
    }
}

#[no_mangle]
pub extern "C" fn dealloc(p: *mut u8, size: usize) {
    if size == 0 || p.is_null() {
        return;
    }
    unsafe { sys_dealloc(p, Layout::from_size_align_unchecked(size, 8)) }
}
