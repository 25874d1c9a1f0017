//! utf8-check: a validator stage: it checks that the input is well-formed UTF-8 (RFC 3629: no
//! overlong forms, no surrogates, nothing past U+10FFFF, no truncated sequence) and answers with
//! the return code alone: 0 with an EMPTY output (*output_len = 0) when the input is valid, -1
//! when it is not. The empty input is valid. Since the output is always empty it always fits:
//! -3 never happens, and the capacity is not even read (capacity 0 is fine).
//! Unusual on purpose: #![no_std], no heap, no alloc/dealloc, no imports at all (it defines
//! the panic handler itself; nothing in it can panic), and an empty output for every success.
#![no_std]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

static INFO: &[u8] = b"utf8-check v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;

/// Reads byte i of the input by pointer (the input may be empty at any pointer, 0 included).
#[inline(always)]
unsafe fn at(p: *const u8, i: usize) -> u8 {
    *p.add(i)
}

unsafe fn valid(p: *const u8, n: usize) -> bool {
    let mut i = 0usize;
    while i < n {
        let b = at(p, i);
        if b < 0x80 {
            i += 1;
            continue;
        }
        // The allowed range of the second byte depends on the lead (RFC 3629 table).
        let (len, lo, hi) = match b {
            0xC2..=0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            0xE1..=0xEC | 0xEE..=0xEF => (3, 0x80, 0xBF),
            0xED => (3, 0x80, 0x9F),
            0xF0 => (4, 0x90, 0xBF),
            0xF1..=0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ => return false,
        };
        if n - i < len {
            return false;
        }
        let b1 = at(p, i + 1);
        if b1 < lo || b1 > hi {
            return false;
        }
        let mut k = 2;
        while k < len {
            let c = at(p, i + k);
            if c & 0xC0 != 0x80 {
                return false;
            }
            k += 1;
        }
        i += len;
    }
    true
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, _output_ptr: *mut u8, output_len: *mut u32) -> i32 {
    if !valid(input_ptr, input_len) {
        return INVALID_INPUT;
    }
    core::ptr::write_unaligned(output_len, 0);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    0x01_00_00
}
