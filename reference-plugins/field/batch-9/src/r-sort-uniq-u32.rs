//! sort-uniq-u32: unsigned 32-bit decimal numbers, one per line, to the distinct values in
//! ascending order, one per line: "30\n4\n30\n007\n" -> "4\n7\n30\n". A line is 1 to 10 ASCII
//! digits with a value up to 4294967295 (leading zeros allowed); a CR before the LF is allowed
//! and the final LF is optional. Anything else (blank lines, signs, spaces, larger values) is
//! -1 (InvalidInput). The empty input gives the empty output.
//!
//! Sorting and deduplicating are done at once with a bitmap of the values seen (linear in the
//! input, no comparison sort), then the set bits are written out. Since the plugin uses the heap
//! it exports alloc/dealloc (std's allocator, 8-aligned blocks, alloc(0) gives a real 1-byte
//! block).
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"sort-uniq-u32 v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

fn parse_line(line: &[u8]) -> Option<u32> {
    if line.is_empty() || line.len() > 10 {
        return None;
    }
    let mut v: u64 = 0;
    for &c in line {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    u32::try_from(v).ok()
}

fn parse(input: &[u8]) -> Option<Vec<u32>> {
    let mut values = Vec::new();
    let mut s = 0;
    while s < input.len() {
        let nl = input[s..].iter().position(|&b| b == b'\n').map_or(input.len(), |p| s + p);
        let mut line = &input[s..nl];
        if let Some((&b'\r', rest)) = line.split_last() {
            line = rest;
        }
        values.push(parse_line(line)?);
        s = nl + 1;
    }
    Some(values)
}

fn digits(mut v: u32) -> usize {
    let mut n = 1;
    while v >= 10 {
        v /= 10;
        n += 1;
    }
    n
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let values = match parse(input) {
        Some(v) => v,
        None => return INVALID_INPUT,
    };
    if values.is_empty() {
        ptr::write_unaligned(output_len, 0);
        return OK;
    }

    // One bit per value up to the largest one.
    let max = *values.iter().max().unwrap();
    let mut bits = vec![0u64; (max as usize >> 6) + 1];
    for &v in &values {
        bits[v as usize >> 6] |= 1 << (v & 63);
    }

    let mut need = 0usize;
    for (w, &word) in bits.iter().enumerate() {
        let mut m = word;
        while m != 0 {
            let v = ((w as u32) << 6) | m.trailing_zeros();
            need += digits(v) + 1;
            m &= m - 1;
        }
    }
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    let out = std::slice::from_raw_parts_mut(output_ptr, need);
    let mut o = 0;
    for (w, &word) in bits.iter().enumerate() {
        let mut m = word;
        while m != 0 {
            let mut v = ((w as u32) << 6) | m.trailing_zeros();
            let n = digits(v);
            for k in (0..n).rev() {
                out[o + k] = b'0' + (v % 10) as u8;
                v /= 10;
            }
            out[o + n] = b'\n';
            o += n + 1;
            m &= m - 1;
        }
    }
    ptr::write_unaligned(output_len, o);
    OK
}

fn layout(size: usize) -> Option<Layout> {
    if size > isize::MAX as usize - 8 {
        return None;
    }
    Layout::from_size_align(size.max(1), 8).ok()
}

#[no_mangle]
pub extern "C" fn alloc(size: usize) -> *mut u8 {
    match layout(size) {
        Some(l) => unsafe { sys_alloc(l) },
        None => ptr::null_mut(),
    }
}

#[no_mangle]
pub unsafe extern "C" fn dealloc(p: *mut u8, size: usize) {
    if p.is_null() {
        return;
    }
    if let Some(l) = layout(size) {
        sys_dealloc(p, l);
    }
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    1 << 16
}
