//! csv2kv: turns CSV (comma-separated, no quoting) into one "key=value" line per field, with a
//! blank line after each record; the keys are the header row's fields (the host hands a large
//! file over in chunks, and only the first chunk starts with the header). A record with more
//! fields than the header is -1; empty lines are skipped; CRLF is accepted.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"csv2kv v0.5.0\0";
static mut HEADER: Option<Vec<Vec<u8>>> = None;

fn convert(input: &[u8]) -> Option<Vec<u8>> {
    let header = unsafe { &mut HEADER };
    let mut out = Vec::with_capacity(input.len() * 2);
    for line in input.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        let fields: Vec<&[u8]> = line.split(|&b| b == b',').collect();
        match header {
            None => *header = Some(fields.iter().map(|f| f.to_vec()).collect()),
            Some(keys) => {
                if fields.len() > keys.len() {
                    return None;
                }
                for (k, v) in keys.iter().zip(fields.iter()) {
                    out.extend_from_slice(k);
                    out.push(b'=');
                    out.extend_from_slice(v);
                    out.push(b'\n');
                }
                out.push(b'\n');
            }
        }
    }
    Some(out)
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
    match convert(input) {
        Some(out) => write_out(&out, output_ptr, output_len),
        None => -1,
    }
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
