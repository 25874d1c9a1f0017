//! json-unescape: input is one JSON string literal ("..." with JSON escapes); output is the UTF-8
//! text it stands for. \uXXXX escapes are decoded, surrogate pairs joined. Input that is not a
//! single well-formed literal (missing quotes, raw control characters, bad escapes, a lone low
//! surrogate, trailing bytes) is -1.
use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

static INFO: &[u8] = b"json-unescape v1.1.0\0";

fn hex4(b: &[u8]) -> Option<u32> {
    if b.len() < 4 {
        return None;
    }
    let mut v = 0u32;
    for &c in &b[..4] {
        v = (v << 4) | (c as char).to_digit(16)?;
    }
    Some(v)
}

fn unescape(input: &[u8]) -> Result<Vec<u8>, ()> {
    let text = std::str::from_utf8(input).map_err(|_| ())?.as_bytes();
    if text.len() < 2 || text[0] != b'"' || text[text.len() - 1] != b'"' {
        return Err(());
    }
    let body = &text[1..text.len() - 1];
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        match c {
            b'"' => return Err(()),
            0..=0x1f => return Err(()),
            b'\\' => {
                let e = *body.get(i + 1).ok_or(())?;
                i += 2;
                let simple = match e {
                    b'"' => Some(b'"'),
                    b'\\' => Some(b'\\'),
                    b'/' => Some(b'/'),
                    b'b' => Some(8),
                    b'f' => Some(12),
                    b'n' => Some(b'\n'),
                    b'r' => Some(b'\r'),
                    b't' => Some(b'\t'),
                    b'u' => None,
                    _ => return Err(()),
                };
                if let Some(b) = simple {
                    out.push(b);
                    continue;
                }
                let hi = hex4(&body[i..]).ok_or(())?;
                i += 4;
                if (0xDC00..0xE000).contains(&hi) {
                    return Err(()); // lone low surrogate
                }
                let cp = if (0xD800..0xDC00).contains(&hi) {
                    if body.get(i..i + 2) != Some(b"\\u") {
                        return Err(()); // high surrogate without its pair
                    }
                    let lo = hex4(&body[i + 2..]).ok_or(())?;
                    i += 6;
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                let ch = char::from_u32(cp).unwrap();
                let mut buf = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Ok(out)
}

#[no_mangle]
pub extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input = unsafe { std::slice::from_raw_parts(input_ptr, input_len) };
    let result = match unescape(input) {
        Ok(r) => r,
        Err(()) => return -1,
    };
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
    0x010100
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
