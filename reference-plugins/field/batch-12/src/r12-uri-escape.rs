//! uri-escape: percent-encodes text for a URI component (RFC 3986): the unreserved bytes
//! A-Z a-z 0-9 - . _ ~ are copied, every other byte becomes %XX with upper-case hex
//! ("a b/é" -> "a%20b%2F%C3%A9"). Every input is accepted; the empty input gives the empty
//! output. -3 with the needed size (1 or 3 bytes per input byte).
//! process allocates nothing. alloc/dealloc give the host blocks of u64 words, so they are
//! 8-aligned as the ABI asks: a block of size bytes is a Vec<u64> of (size + 7) / 8 words, given
//! up with mem::forget and rebuilt in dealloc to be dropped.
use std::mem;
use std::ptr;

static INFO: &[u8] = b"uri-escape v2.0.1\0";

const OK: i32 = 0;
const OUTPUT_TOO_SMALL: i32 = -3;

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    let words = (size / 8) + (size % 8 != 0) as usize;
    let mut v: Vec<u64> = Vec::new();
    if v.try_reserve_exact(words).is_err() {
        return ptr::null_mut();
    }
    let p = v.as_mut_ptr() as *mut u8;
    mem::forget(v);
    p
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    drop(Vec::<u64>::from_raw_parts(p as *mut u64, 0, size / 8));
}

const HEX: &[u8; 16] = b"0123456789ABCDEF";

fn unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-' || c == b'.' || c == b'_' || c == b'~'
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let cap = ptr::read_unaligned(output_len);
    let need: usize = input.iter().map(|&c| if unreserved(c) { 1 } else { 3 }).sum();
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    let mut o = 0;
    for &c in input {
        if unreserved(c) {
            *output_ptr.add(o) = c;
            o += 1;
        } else {
            *output_ptr.add(o) = b'%';
            *output_ptr.add(o + 1) = HEX[(c >> 4) as usize];
            *output_ptr.add(o + 2) = HEX[(c & 15) as usize];
            o += 3;
        }
    }
    ptr::write_unaligned(output_len, o);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x02_00_01
}
