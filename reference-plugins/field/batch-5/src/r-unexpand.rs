//! unexpand: turns the leading spaces of every line into tabs, one tab per 4 spaces; spaces
//! left over (fewer than 4) stay after the tabs, and everything after the first other byte is
//! copied as it is. Any bytes are accepted. Output is never longer than the input.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"unexpand v1.4.0\0";

fn unexpand(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    for (k, line) in input.split(|&b| b == b'\n').enumerate() {
        if k > 0 {
            out.push(b'\n');
        }
        let mut spaces: u8 = 0;
        for &b in line {
            if b != b' ' {
                break;
            }
            spaces += 1;
        }
        for _ in 0..spaces / 4 {
            out.push(b'\t');
        }
        for _ in 0..spaces % 4 {
            out.push(b' ');
        }
        out.extend_from_slice(&line[line.iter().take_while(|&&b| b == b' ').count()..]);
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
    write_out(&unexpand(input), output_ptr, output_len)
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x010400
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
