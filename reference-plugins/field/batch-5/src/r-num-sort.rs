//! num-sort: sorts lines numerically. Every non-empty line must be a decimal integer with an
//! optional sign ("-12", "+7", "007"); empty lines are dropped; anything else is -1. Output is
//! the numbers as they were written, one per line, smallest first (equal values keep their
//! input order).
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"num-sort v1.0.3\0";

fn is_integer(line: &[u8]) -> bool {
    let digits = match line.first() {
        Some(b'-') | Some(b'+') => &line[1..],
        _ => line,
    };
    !digits.is_empty() && digits.iter().all(|b| b.is_ascii_digit())
}

fn sort_lines(input: &[u8]) -> Option<Vec<u8>> {
    let mut rows: Vec<(i64, &[u8])> = Vec::new();
    for line in input.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            continue;
        }
        if !is_integer(line) {
            return None;
        }
        // only ASCII digits and a sign are left, so this is valid UTF-8 and a valid integer
        let text = std::str::from_utf8(line).unwrap();
        let value: i64 = text.parse().unwrap();
        rows.push((value, line));
    }
    rows.sort_by_key(|r| r.0);
    let mut out = Vec::with_capacity(input.len() + 1);
    for (_, line) in rows {
        out.extend_from_slice(line);
        out.push(b'\n');
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
    match sort_lines(input) {
        Some(out) => write_out(&out, output_ptr, output_len),
        None => -1,
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010003
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
