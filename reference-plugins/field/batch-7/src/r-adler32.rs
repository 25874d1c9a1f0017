//! adler32: writes the Adler-32 checksum (RFC 1950, as zlib computes it) of the whole input
//! as 8 lowercase hex digits, no newline: "Wikipedia" -> "11e60398", the empty input ->
//! "00000001". Any bytes are accepted.
//! The modulo is deferred, zlib-style: the sums are reduced once per block instead of once
//! per byte, which makes it several times faster on large inputs. No heap.
use std::ptr;

static INFO: &[u8] = b"adler32 v2.0.0\0";

const MOD_ADLER: u32 = 65521;
/// Bytes summed between two reductions.
const BLOCK: usize = 8192;

fn adler32(data: &[u8]) -> u32 {
    let mut a: u32 = 1;
    let mut b: u32 = 0;
    for chunk in data.chunks(BLOCK) {
        for &byte in chunk {
            a += byte as u32;
            b += a;
        }
        a %= MOD_ADLER;
        b %= MOD_ADLER;
    }
    (b << 16) | a
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return -1;
    }
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let cap = unsafe { ptr::read_unaligned(output_len) };
    if cap < 8 {
        unsafe { ptr::write_unaligned(output_len, 8) };
        return -3;
    }
    let sum = adler32(input);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut text = [0u8; 8];
    for (i, t) in text.iter_mut().enumerate() {
        *t = HEX[((sum >> (28 - 4 * i)) & 0xf) as usize];
    }
    unsafe {
        ptr::copy_nonoverlapping(text.as_ptr(), output_ptr, 8);
        ptr::write_unaligned(output_len, 8);
    }
    0
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x020000
}
