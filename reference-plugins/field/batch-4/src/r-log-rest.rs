//! wc: counts lines, words and characters (Unicode scalar values) of UTF-8 text, like wc -lwm:
//! "3 12 80\n". Input that is not UTF-8 is -1, and the host log says where it went wrong, with
//! a hex dump of (at most) the 16 bytes from each bad spot.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::fmt::Write;

static INFO: &[u8] = b"wc v2.1.0\0";

extern "C" {
    fn host_log(ptr: *const u8, len: usize);
}

fn log(msg: &str) {
    unsafe { host_log(msg.as_ptr(), msg.len()) }
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    let text = match std::str::from_utf8(input) {
        Ok(t) => t,
        Err(_) => {
            // report every bad spot, not just the first, so that a user can fix them all at once
            let (mut rest, mut off) = (input, 0usize);
            while let Err(e) = std::str::from_utf8(rest) {
                let pos = off + e.valid_up_to();
                let end = input.len().min(pos + 16);
                let mut msg = format!("wc: invalid UTF-8 at byte {}:", pos);
                for b in &input[pos..end] {
                    let _ = write!(msg, " {:02x}", b);
                }
                log(&msg);
                let skip = e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[skip..];
                off += skip;
            }
            return -1;
        }
    };
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    let words = text.split_whitespace().count();
    let chars = text.chars().count();
    let result = format!("{} {} {}\n", lines, words, chars);
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
