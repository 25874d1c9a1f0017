//! html-strip: removes markup tags from HTML/XML text, keeping the text between them: every
//! "<...>" span (comments and doctypes included, as long as they contain no '>') is dropped,
//! everything else is copied byte for byte, entities untouched: "<p>a <b>b</b></p>" -> "a b".
//! A '<' with no '>' after it gives -1 (a cut-off document). -3 with the exact needed size.
//! No heap, no imports.
//! The stripping itself is the in-place routine shared with the command-line tool
//! (strip_in_place: compacts a buffer and returns the new length): the input is staged in the
//! output buffer and compacted there.
use std::ptr;

static INFO: &[u8] = b"html-strip v2.0.1\0";

#[no_mangle]
pub extern "C" fn plugin_info() -> *const u8 {
    INFO.as_ptr()
}

/// Length after stripping, or None for an unterminated tag.
fn measure(input: &[u8]) -> Option<usize> {
    let mut n = 0;
    let mut in_tag = false;
    for &c in input {
        if in_tag {
            if c == b'>' {
                in_tag = false;
            }
        } else if c == b'<' {
            in_tag = true;
        } else {
            n += 1;
        }
    }
    if in_tag { None } else { Some(n) }
}

/// Compacts buf in place, dropping tags; returns the new length.
fn strip_in_place(buf: &mut [u8]) -> usize {
    let mut w = 0;
    let mut in_tag = false;
    for r in 0..buf.len() {
        let c = buf[r];
        if in_tag {
            if c == b'>' {
                in_tag = false;
            }
        } else if c == b'<' {
            in_tag = true;
        } else {
            buf[w] = c;
            w += 1;
        }
    }
    w
}

#[no_mangle]
pub unsafe extern "C" fn process(input_ptr: *const u8, input_len: usize, output_ptr: *mut u8, output_len: *mut usize) -> i32 {
    let input: &[u8] = if input_len == 0 { &[] } else { std::slice::from_raw_parts(input_ptr, input_len) };
    let need = match measure(input) {
        Some(n) => n,
        None => return -1,
    };
    let cap = ptr::read_unaligned(output_len);
    if need > cap {
        ptr::write_unaligned(output_len, need);
        return -3;
    }
    if input_len == 0 {
        ptr::write_unaligned(output_len, 0);
        return 0;
    }
    // Stage the document in the output buffer and strip it there.
    ptr::copy_nonoverlapping(input_ptr, output_ptr, input_len);
    let buf = std::slice::from_raw_parts_mut(output_ptr, input_len);
    let n = strip_in_place(buf);
    ptr::write_unaligned(output_len, n);
    0
}
