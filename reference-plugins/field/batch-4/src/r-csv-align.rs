//! csv-align: lines up the columns of simple CSV (comma-separated, no quoting) for reading in a
//! terminal: every field but a row's last is padded with spaces to its column's width, plus two
//! spaces between columns. Line breaks may be LF or CRLF; output lines end in LF. Any bytes are
//! accepted (widths are counted in bytes).
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"csv-align v0.9.0\0";

fn align(input: &[u8]) -> Vec<u8> {
    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if lines.last().map_or(false, |l| l.is_empty()) {
        lines.pop();
    }
    let rows: Vec<Vec<&[u8]>> = lines
        .iter()
        .map(|l| l.strip_suffix(b"\r").unwrap_or(l))
        .map(|l| l.split(|&b| b == b',').collect())
        .collect();
    // column widths; u16 keeps the table small, no terminal is 65535 columns wide
    let mut widths: Vec<u16> = Vec::new();
    for row in &rows {
        for (i, f) in row.iter().enumerate() {
            if widths.len() <= i {
                widths.push(0);
            }
            widths[i] = widths[i].max(f.len() as u16);
        }
    }
    let mut out = Vec::with_capacity(input.len() + input.len() / 2 + 16);
    for row in &rows {
        for (i, f) in row.iter().enumerate() {
            out.extend_from_slice(f);
            if i + 1 < row.len() {
                let pad = widths[i] as usize - f.len() + 2;
                out.extend(std::iter::repeat(b' ').take(pad));
            }
        }
        out.push(b'\n');
    }
    out
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    let result = align(input);
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
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x000900
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
