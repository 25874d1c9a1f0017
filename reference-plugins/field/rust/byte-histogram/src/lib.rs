//! byte-histogram: counts each byte value of the input. The output is always 1024 bytes:
//! 256 little-endian u32 counts, for byte 0x00 first. Empty input gives 256 zeros.
//!
//! `#![no_std]` without libc: the module imports nothing at all, so the few memory
//! functions the compiler may call are defined here.

#![no_std]

use core::ptr;

static INFO: &[u8] = b"byte-histogram v1.0.0\0";

const NEEDED: usize = 256 * 4;

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

#[no_mangle]
unsafe extern "C" fn memset(dst: *mut u8, c: i32, n: usize) -> *mut u8 {
    let mut i = 0;
    while i < n {
        ptr::write_volatile(dst.add(i), c as u8);
        i += 1;
    }
    dst
}

#[no_mangle]
unsafe extern "C" fn memcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    let mut i = 0;
    while i < n {
        ptr::write_volatile(dst.add(i), *src.add(i));
        i += 1;
    }
    dst
}

#[no_mangle]
pub unsafe extern "C" fn process(
    input_ptr: *const u8,
    input_len: usize,
    output_ptr: *mut u8,
    output_len: *mut usize,
) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let capacity = ptr::read_unaligned(output_len);
    if capacity < NEEDED {
        ptr::write_unaligned(output_len, NEEDED);
        return -3;
    }
    let mut counts = [0u32; 256];
    let mut i = 0;
    while i < input_len {
        let b = *input_ptr.add(i);
        counts[b as usize] = counts[b as usize].wrapping_add(1);
        i += 1;
    }
    for (k, c) in counts.iter().enumerate() {
        let bytes = c.to_le_bytes();
        for j in 0..4 {
            *output_ptr.add(4 * k + j) = bytes[j];
        }
    }
    ptr::write_unaligned(output_len, NEEDED);
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}
