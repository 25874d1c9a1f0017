//! xml-escape: escapes UTF-8 text for use in XML character data and attribute values:
//! & < > " ' become &amp; &lt; &gt; &quot; &apos;, every other character is copied as is:
//! "a<b & 'c'" -> "a&lt;b &amp; &apos;c&apos;". Input that is not UTF-8 is -1 (InvalidInput).
//! The output is at most 6x the input. The empty input gives the empty output.
//! No heap: a sizing pass, then a writing pass straight into the host's buffer; text with
//! nothing to escape (most of it, in practice) is copied in one go. No alloc/dealloc exports.
use std::ptr;

static INFO: &[u8] = b"xml-escape v1.0.2\0";

const OK: i32 = 0;
const INVALID_INPUT: i32 = -1;
const OUTPUT_TOO_SMALL: i32 = -3;

fn entity(b: u8) -> Option<&'static [u8]> {
    match b {
        b'&' => Some(b"&amp;"),
        b'<' => Some(b"&lt;"),
        b'>' => Some(b"&gt;"),
        b'"' => Some(b"&quot;"),
        b'\'' => Some(b"&apos;"),
        _ => None,
    }
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    if output_len.is_null() {
        return INVALID_INPUT;
    }
    let cap = ptr::read_unaligned(output_len);
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    if std::str::from_utf8(input).is_err() {
        return INVALID_INPUT;
    }

    // Fast path: nothing to escape, the output is the input.
    if !input.iter().any(|&b| entity(b).is_some()) {
        if input_len > cap {
            ptr::write_unaligned(output_len, input_len);
            return OUTPUT_TOO_SMALL;
        }
        if input_len > 0 {
            ptr::copy_nonoverlapping(input_ptr, output_ptr, input_len);
        }
        return OK;
    }

    let need: usize = input.iter().map(|&b| entity(b).map_or(1, |e| e.len())).sum();
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return OUTPUT_TOO_SMALL;
    }
    let out = std::slice::from_raw_parts_mut(output_ptr, need);
    let mut o = 0;
    for &b in input {
        match entity(b) {
            Some(e) => {
                out[o..o + e.len()].copy_from_slice(e);
                o += e.len();
            }
            None => {
                out[o] = b;
                o += 1;
            }
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
    (1 << 16) | 2
}
