//! utf16-utf8: UTF-16 text to UTF-8. A byte order mark picks the byte order (FF FE:
//! little-endian, FE FF: big-endian) and is dropped; without one the text is read as
//! little-endian, the common case for files written on Windows. Surrogate pairs are combined;
//! an odd number of bytes or an unpaired surrogate is -1 (InvalidInput). The empty input
//! gives the empty output. No heap: a validating/sizing pass, then a writing pass straight
//! into the host's buffer. No alloc/dealloc exports.
use std::ptr;

static INFO: &[u8] = b"utf16-utf8 v1.0.0\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

fn units(body: &[u8], big_endian: bool) -> impl Iterator<Item = u16> + '_ {
    body.chunks_exact(2).map(move |p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    })
}

/// Calls `emit` with every decoded character; the UTF-8 size, or None for invalid UTF-16.
fn walk(body: &[u8], big_endian: bool, mut emit: impl FnMut(char)) -> Option<usize> {
    let mut n = 0;
    for r in char::decode_utf16(units(body, big_endian)) {
        let c = r.ok()?;
        emit(c);
        n += c.len_utf8();
    }
    Some(n)
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    if input_len == 0 {
        ptr::write_unaligned(output_len, 0);
        return OK;
    }
    let input = std::slice::from_raw_parts(input_ptr, input_len);
    let (big_endian, body) = if input[0] == 0xFE && input[1] == 0xFF {
        (true, &input[2..])
    } else if input[0] == 0xFF && input[1] == 0xFE {
        (false, &input[2..])
    } else {
        (false, input)
    };
    if body.len() % 2 != 0 {
        return INVALID_INPUT;
    }
    let need = match walk(body, big_endian, |_| {}) {
        Some(n) => n,
        None => return INVALID_INPUT,
    };
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    let mut o = 0;
    let mut buf = [0u8; 4];
    walk(body, big_endian, |c| {
        let s = c.encode_utf8(&mut buf);
        if o + s.len() <= need {
            ptr::copy_nonoverlapping(s.as_ptr(), output_ptr.add(o), s.len());
        }
        o += s.len();
    });
    ptr::write_unaligned(output_len, need);
    OK
}

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

#[no_mangle]
pub extern "C" fn plugin_version() -> u32 {
    1 << 16
}
