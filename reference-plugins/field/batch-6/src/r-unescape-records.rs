//! unescape-records: turns a text file of escaped lines into length-prefixed binary records.
//! Every line (LF-separated; a final LF ends the last line rather than starting a new one)
//! becomes one record: a u32 little-endian length, then the line's bytes with C escapes
//! decoded: \n \t \r \0 \\ and \xHH (two hex digits). Any other escape, or a backslash at the
//! end of a line, is -1. The decoded length is only known once the line has been decoded, so
//! each record's length slot is written first and filled in afterwards.
//! Exports alloc/dealloc because it builds its output on the heap.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"unescape-records v0.2.0\0";

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn convert(input: &[u8]) -> Option<Vec<u8>> {
    // decoded lines are never longer than the escaped ones
    let mut out: Vec<u8> = Vec::with_capacity(input.len());
    let mut lines: Vec<&[u8]> = input.split(|&b| b == b'\n').collect();
    if lines.last().map_or(false, |l| l.is_empty()) {
        lines.pop();
    }
    for line in lines {
        out.extend_from_slice(&[0u8; 4]);
        let slot = unsafe { out.as_mut_ptr().add(out.len() - 4) };
        let start = out.len();
        let mut i = 0;
        while i < line.len() {
            let b = line[i];
            if b != b'\\' {
                out.push(b);
                i += 1;
                continue;
            }
            let e = *line.get(i + 1)?;
            match e {
                b'n' => out.push(b'\n'),
                b't' => out.push(b'\t'),
                b'r' => out.push(b'\r'),
                b'0' => out.push(0),
                b'\\' => out.push(b'\\'),
                b'x' => {
                    let hi = hex(*line.get(i + 2)?)?;
                    let lo = hex(*line.get(i + 3)?)?;
                    out.push(hi << 4 | lo);
                    i += 2;
                }
                _ => return None,
            }
            i += 2;
        }
        let len = (out.len() - start) as u32;
        unsafe { ptr::write_unaligned(slot as *mut [u8; 4], len.to_le_bytes()) };
    }
    Some(out)
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(input_ptr, input_len) } };
    let result = match convert(input) {
        Some(r) => r,
        None => return -1,
    };
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
    0x000200
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
