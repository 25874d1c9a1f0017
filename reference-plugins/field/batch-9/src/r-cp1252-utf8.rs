//! cp1252-utf8: Windows-1252 text to UTF-8. Bytes below 0x80 and 0xA0-0xFF map to the same
//! code point (one or two UTF-8 bytes), 0x80-0x9F to the typographic characters of the code page
//! (0x80 -> "€", 0x93/0x94 -> curly double quotes, 0x96 -> en dash, ...; three UTF-8 bytes, two
//! for the few Latin letters there). The five bytes the code page leaves undefined (0x81, 0x8D,
//! 0x8F, 0x90, 0x9D) are -1 (InvalidInput). The output is at most 3x the input; the empty input
//! gives the empty output.
//!
//! The byte -> UTF-8 table is built on first use (so loading the plugin costs nothing) and given
//! back in cleanup. Since the plugin uses the heap it exports alloc/dealloc (std's allocator,
//! 8-aligned blocks, alloc(0) gives a real 1-byte block).
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};
use std::ptr;

static INFO: &[u8] = b"cp1252-utf8 v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

/// Code points of 0x80..=0x9F; 0 where the code page has no character.
const HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// For each byte: [UTF-8 length (0: undefined), up to 3 UTF-8 bytes].
type Table = [[u8; 4]; 256];

static mut TABLE: Option<Box<Table>> = None;

fn build() -> Box<Table> {
    let mut t: Box<Table> = Box::new([[0; 4]; 256]);
    for b in 0..256usize {
        let cp = if (0x80..0xA0).contains(&b) { HIGH[b - 0x80] as u32 } else { b as u32 };
        if cp == 0 && b != 0 {
            continue;
        }
        let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
        let mut buf = [0u8; 4];
        let s = c.encode_utf8(&mut buf);
        t[b][0] = s.len() as u8;
        t[b][1..1 + s.len()].copy_from_slice(s.as_bytes());
    }
    t
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    if TABLE.is_none() {
        TABLE = Some(build());
    }
    let table = TABLE.as_ref().unwrap();

    let mut need = 0usize;
    for &b in input {
        let n = table[b as usize][0] as usize;
        if n == 0 {
            return INVALID_INPUT;
        }
        need += n;
    }
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    if need > 0 {
        let out = std::slice::from_raw_parts_mut(output_ptr, need);
        let mut o = 0;
        for &b in input {
            let e = &table[b as usize];
            let n = e[0] as usize;
            out[o..o + n].copy_from_slice(&e[1..1 + n]);
            o += n;
        }
    }
    ptr::write_unaligned(output_len, need);
    OK
}

/// Gives the table back. The host calls cleanup exactly once, as the last call.
#[no_mangle]
pub unsafe extern "C" fn cleanup() {
    let table = TABLE.take().expect("cleanup called twice");
    drop(table);
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
