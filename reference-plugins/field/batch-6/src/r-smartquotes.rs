//! smartquotes: turns typographic punctuation into plain ASCII for tools that only take
//! ASCII punctuation: curly double quotes (U+201C U+201D U+201E) -> '"', curly single quotes
//! (U+2018 U+2019 U+201A) -> '\'', en dash -> '-', em dash -> "--", ellipsis -> "...",
//! no-break space -> ' '. Everything else is copied. Input must be UTF-8 (else -1).
//! Exports alloc/dealloc because it builds its output on the heap.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"smartquotes v0.3.1\0";

fn convert(s: &[u8]) -> Vec<u8> {
    let n = s.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let b = s[i];
        // every replaced character but NBSP is E2 80 xx: three bytes
        if b == 0xE2 && i + 3 < n && s[i + 1] == 0x80 {
            let rep: &[u8] = match s[i + 2] {
                0x9C | 0x9D | 0x9E => b"\"",
                0x98 | 0x99 | 0x9A => b"'",
                0x93 => b"-",
                0x94 => b"--",
                0xA6 => b"...",
                _ => b"",
            };
            if !rep.is_empty() {
                out.extend_from_slice(rep);
                i += 3;
                continue;
            }
        }
        if b == 0xC2 && i + 1 < n && s[i + 1] == 0xA0 {
            out.push(b' ');
            i += 2;
            continue;
        }
        out.push(b);
        i += 1;
    }
    out
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    if std::str::from_utf8(input).is_err() {
        return -1;
    }
    let result = convert(input);
    unsafe {
        let cap = ptr::read_unaligned(output_len);
        if result.len() > cap {
            ptr::write_unaligned(output_len, result.len());
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
    0x000301
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
